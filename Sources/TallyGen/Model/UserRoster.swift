// Everything remembered about each simulated user: a few bytes, in parallel arrays.

/// The users who have signed up so far, as parallel arrays indexed by the dense user number.
///
/// About 12 bytes a user, so even the 2.5M users of a 100M-event log take ≈30 MB; memory is
/// otherwise independent of the number of events.
struct UserRoster {
    var channel: [UInt8] = []
    var country: [UInt8] = []
    var platform: [UInt8] = []
    var segment: [UInt8] = []
    /// Day index (0 = the first simulated day) of the signup.
    var signupDay: [Int32] = []
    /// Day index of the activation, or -1 when the user never activates.
    var activationDay: [Int32] = []

    var count: Int { signupDay.count }

    /// Adds a user and returns their number.
    mutating func add(channel: Int, country: Int, platform: Int, segment: Int,
                      signupDay: Int, activationDay: Int) -> UInt32 {
        self.channel.append(UInt8(channel))
        self.country.append(UInt8(country))
        self.platform.append(UInt8(platform))
        self.segment.append(UInt8(segment))
        self.signupDay.append(Int32(signupDay))
        self.activationDay.append(Int32(activationDay))
        return UInt32(count - 1)
    }
}
