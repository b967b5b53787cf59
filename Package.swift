// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Helhed",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "helhed", targets: ["helhed"]),
        .executable(name: "helhed-bench", targets: ["helhed-bench"]),
        .library(name: "HelhedCore", targets: ["HelhedCore"]),
        .library(name: "HelhedTemplates", targets: ["HelhedTemplates"]),
    ],
    dependencies: [
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
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Snowball stemmers (Danish) for search; Debian's package has no pkg-config file, see the module map.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // hunspell for the writing aids' spelling check (with the Danish dictionary, hunspell-da).
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]
        ),
        // Mustache templates: parsing, checking against view models, rendering. Foundation only.
        .target(name: "HelhedTemplates"),
        // libvips for pictures: its headers, and a C shim that turns its variadic calls into plain ones. The shim
        // opens libvips on first use rather than linking it (see Sources/CVipsShim/LazyVips.h), so only GLib, which
        // the headers need, is linked: hence glib-2.0's flags rather than vips' (which would link libvips).
        .systemLibrary(
            name: "CVips",
            pkgConfig: "glib-2.0",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(name: "CVipsShim", dependencies: ["CVips"], linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "HelhedCore",
            dependencies: [
                "CCmark",
                "CYAML",
                "CStemmer",
                "CVipsShim",
                "CHunspell",
                "HelhedTemplates",
            ]
        ),
        .target(
            name: "HelhedServe",
            dependencies: [
                "HelhedCore",
                "HelhedTemplates",
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
            dependencies: [
                "HelhedCore", "HelhedTemplates", "CVipsShim",
                // The reference renderer the theme is compared with.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HelhedTemplatesTests",
            dependencies: [
                "HelhedTemplates",
                // The reference renderer.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
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
