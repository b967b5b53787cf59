// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Helhed",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "helhed", targets: ["helhed"]),
        .executable(name: "helhed-bench", targets: ["helhed-bench"]),
        .library(name: "HelhedCore", targets: ["HelhedCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]
        ),
        .target(name: "CFileSystem"),
        .target(
            name: "HelhedCore",
            dependencies: [
                "CCmark",
                "CFileSystem",
                "CHunspell",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "HelhedServe",
            dependencies: [
                "HelhedCore",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "helhed",
            dependencies: [
                "HelhedCore",
                "HelhedServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "helhed-bench",
            dependencies: [
                "HelhedCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/HelhedBenchmark"
        ),
        .testTarget(
            name: "HelhedCoreTests",
            dependencies: ["HelhedCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HelhedCLITests",
            dependencies: ["helhed", "HelhedCore"]
        ),
        .testTarget(
            name: "HelhedServeTests",
            dependencies: ["HelhedServe", "HelhedCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
