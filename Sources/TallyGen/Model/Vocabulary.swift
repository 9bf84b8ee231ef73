// The fixed names the generator writes: event kinds, channels, countries, platforms, columns.

/// Event names in the order of their codes. `signup` and `activation` happen once per user;
/// the rest form sessions.
enum EventKind: UInt8, CaseIterable {
    case signup, activation, appOpen, viewItem, addToCart, checkout, purchase, npsSurvey

    var name: String {
        switch self {
        case .signup: "signup"
        case .activation: "activation"
        case .appOpen: "app_open"
        case .viewItem: "view_item"
        case .addToCart: "add_to_cart"
        case .checkout: "checkout"
        case .purchase: "purchase"
        case .npsSurvey: "nps_survey"
        }
    }
}

/// The names behind the small per-user codes, and the column layout; one place for both the
/// byte writer and the table builder so they cannot drift apart.
enum Vocabulary {
    /// Column names in output order.
    static let columns = ["ts", "user_id", "event", "channel", "country", "platform", "amount", "score"]

    /// Acquisition channels; the order is the channel code used by `ProductModel` tables.
    static let channels = ["organic", "paid_search", "social", "referral", "email"]

    /// Countries; the order is the country code used by `ProductModel` tables.
    static let countries = ["US", "IN", "CN", "BR", "DE", "GB", "JP", "SG"]

    static let platforms = ["ios", "android", "web"]

    static let eventNames = EventKind.allCases.map(\.name)

    /// Digits of user ids are zero-padded to at least this width (`u000123`).
    static let userIdMinimumDigits = 6
}
