import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// A generated workspace saved through the Store loads back with zero problems and equal content.
@Suite struct GenerateRoundTripTests {
    @Test func generatedWorkspaceSavesAndLoadsWithoutProblems() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-roundtrip-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ws = WorkspaceGenerator.generate(vendors: 23, requirements: 700, evaluators: 4, seed: 17)
        #expect(WorkspaceStore.validate(ws).isEmpty)
        try WorkspaceStore.initialize(folder: folder, name: ws.settings.name, language: ws.settings.language)
        _ = try WorkspaceStore.save(ws, over: try WorkspaceStore.load(folder: folder), actor: "test")
        let loaded = try WorkspaceStore.load(folder: folder)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.workspace == ws)
        #expect(loaded.workspace.contractTexts.count == ws.contracts.count)
    }
}
