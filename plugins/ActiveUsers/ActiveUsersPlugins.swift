// The active-users plugins of this folder: dau, wau, mau, active, stickiness.
import TallyPluginAPI

/// Registers the active-users metrics.
public enum ActiveUsersPlugins {
    /// Every plugin of this folder, in `.plugins` order.
    public static let all: [any Plugin] = [
        DailyActiveUsersPlugin(),
        RollingActiveUsersPlugin.weekly,
        RollingActiveUsersPlugin.monthly,
        ActivePeriodUsersPlugin(),
        StickinessPlugin(),
    ]

    /// Adds this folder's plugins to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {
        for plugin in all { try registry.register(plugin) }
    }
}
