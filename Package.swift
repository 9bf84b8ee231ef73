// swift-tools-version: 6.0
// Tally: a metrics workbench. Targets follow DESIGN §2 and depend one way only:
// TallyStore ← TallyPluginAPI ← TallyQuery ← TallyREPL ← tally.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// Built-in metric plugins: one folder each under plugins/, importing only the plugin API and the store.
let pluginFolders = ["ActiveUsers", "Retention", "Funnel", "RFM", "NPS"]

let pluginTargets: [Target] = pluginFolders.flatMap { folder -> [Target] in
    [
        .target(name: "\(folder)Plugin", dependencies: ["TallyPluginAPI", "TallyStore"],
                path: "plugins/\(folder)", exclude: ["Tests", "README.md", "golden", "crosscheck"], swiftSettings: strict),
        .testTarget(name: "\(folder)PluginTests",
                    dependencies: [.target(name: "\(folder)Plugin"), "TallyPluginAPI", "TallyStore", "TallyTestSupport"],
                    path: "plugins/\(folder)/Tests", swiftSettings: strict),
    ]
}

let package = Package(
    name: "Tally",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tally", targets: ["tally"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "TallyStore", swiftSettings: strict),
        .target(name: "TallyPluginAPI", dependencies: ["TallyStore"], swiftSettings: strict),
        .target(name: "TallyQuery", dependencies: ["TallyStore", "TallyPluginAPI"], swiftSettings: strict),
        .target(name: "TallyGen", dependencies: ["TallyStore"], swiftSettings: strict),
        .target(name: "TallyBuiltins", dependencies: ["TallyPluginAPI"] + pluginFolders.map { .target(name: "\($0)Plugin") },
                swiftSettings: strict),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "TallyNotebook", dependencies: ["TallyQuery", "TallyStore"], swiftSettings: strict),
        .target(name: "TallyREPL", dependencies: ["TallyQuery", "TallyNotebook", "CReadline"], swiftSettings: strict),
        .executableTarget(
            name: "tally",
            dependencies: [
                "TallyStore", "TallyQuery", "TallyNotebook", "TallyREPL", "TallyGen", "TallyBuiltins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Shared by test targets: Python peers (DuckDB, chDB) and generated data sets.
        .target(name: "TallyTestSupport", dependencies: ["TallyStore", "TallyGen", "TallyPluginAPI"], path: "Tests/TallyTestSupport",
                swiftSettings: strict),
        .testTarget(name: "TallyStoreTests", dependencies: ["TallyStore"], swiftSettings: strict),
        .testTarget(name: "TallyPluginAPITests", dependencies: ["TallyPluginAPI", "TallyStore"], swiftSettings: strict),
        .testTarget(name: "TallyQueryTests", dependencies: ["TallyQuery", "TallyGen", "TallyPluginAPI", "TallyBuiltins"],
                    exclude: [], swiftSettings: strict),
        .testTarget(name: "TallyREPLTests", dependencies: ["TallyREPL", "TallyQuery", "TallyTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "TallyNotebookHTMLTests", dependencies: ["TallyNotebook", "TallyQuery", "TallyStore"],
                    swiftSettings: strict),
        .testTarget(name: "TallyNotebookTests", dependencies: ["TallyNotebook", "TallyQuery", "TallyStore"],
                    swiftSettings: strict),
        .testTarget(name: "TallyGenTests", dependencies: ["TallyGen"], swiftSettings: strict),
    ] + pluginTargets,
    swiftLanguageModes: [.v6]
)
