// swift-tools-version:6.0
import PackageDescription

// Release builds on Linux carry the Swift runtime and Foundation inside the binary: resolving their
// symbols from 20-odd shared libraries at every start was a fifth of a short `contract check` and
// about 6 ms of every command (README, Performance). Every module of ours is compiled for it, or the
// static Foundation's C parts are not linked; debug builds and tests stay dynamic. Linked by lld:
// GNU gold warns about a `mktemp` inside the static Foundation on every release build.
let staticRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticReleaseLink: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release))
]

let package = Package(
    name: "Bidbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bidbench", targets: ["bidbench"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Zip reading and writing for .xlsx workbooks (deflate through the system zlib on Linux).
        // Property-based tests of the decision invariants (issue 14); tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The domain: pure values and functions, no I/O.
        .target(name: "BidbenchCore", swiftSettings: staticRelease),
        // The workspace folder: CSV/JSON parsing and printing, validation, atomic saves, lock, journal.
        .target(
            name: "BidbenchStore",
            dependencies: [
                "BidbenchCore",
                .product(name: "Crypto", package: "swift-crypto"),
                "CZlib",
            ], swiftSettings: staticRelease),
        // App state, reducers, widgets and rendering into an in-memory Canvas. No ncurses.
        .target(name: "BidbenchUI", dependencies: ["BidbenchCore"], swiftSettings: staticRelease),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The system zlib (zlib1g-dev): inflate and deflate for the zip container of .xlsx workbooks.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // glibc's allocator settings, for a batch command that reads one long text (`contract check`).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // The only code that touches ncurses.
        .target(name: "BidbenchTerminal", dependencies: ["BidbenchUI", "CNcursesw"], swiftSettings: staticRelease),
        .executableTarget(
            name: "bidbench",
            dependencies: [
                "BidbenchCore", "BidbenchStore", "BidbenchUI", "BidbenchTerminal", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
        // The benchmark harness (release build): `swift run -c release bidbench-bench`.
        .executableTarget(
            name: "bidbench-bench",
            dependencies: [
                "BidbenchCore", "BidbenchStore", "BidbenchUI",
            ], swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
        .testTarget(
            name: "BidbenchCoreTests",
            dependencies: ["BidbenchCore", .product(name: "PropertyBased", package: "swift-property-based")], exclude: ["Fixtures"]),
        .testTarget(name: "BidbenchStoreTests", dependencies: ["BidbenchStore", "BidbenchCore"], exclude: ["Fixtures", "Corpus"]),
        .testTarget(name: "BidbenchUITests", dependencies: ["BidbenchUI", "BidbenchCore"], exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["bidbench", "BidbenchStore", "BidbenchCore"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
