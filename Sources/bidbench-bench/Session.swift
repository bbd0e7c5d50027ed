import BidbenchCore
import BidbenchUI

/// The headless UI part of the benchmark: first frame, a scripted session of keys, changed cells.
enum SessionBench {
    static let today = Day(year: 2027, month: 3, day: 1)
    static let width = 100, height = 30

    static func fresh(_ ws: Workspace) -> AppState {
        AppState(
            workspace: ws, location: "bench", lang: ws.settings.language == "en" ? .en : .zh, width: width, height: height, today: today)
    }

    /// Applies keys without timing them (to reach the state a measured key starts from).
    static func after(_ s: AppState, _ keys: [Key]) -> AppState {
        var t = s
        for k in keys { _ = App.reduce(&t, .key(k)) }
        return t
    }

    static func run(_ ws: Workspace, scope: String, report: BenchReport, repetitions: Int, query: String) {
        let firstFrameReps = max(5, repetitions / 10)
        bench(report, scope, "first frame (AppState + render 100×30)", repetitions: firstFrameReps) {
            let s = fresh(ws)
            blackHole(App.render(s))
        }
        let s1 = fresh(ws)
        let s2 = after(s1, [.char("2")])
        let s3 = after(s1, [.char("3")])
        let typedQuery = after(s1, [.char("/")] + query.map { Key.char($0) })
        let formOnTitle = after(s1, [.enter, .tab, .tab])
        let formEdited = after(formOnTitle, [.char("X")])
        let applied = after(formEdited, [.enter])
        // The same edit on the first must-have (the list shows requirements in file order).
        let firstMust = ws.requirements.firstIndex { $0.priority == .must } ?? 0
        let mustEdited = after(s1, Array(repeating: Key.down, count: firstMust) + [.enter, .char("X"), .enter])
        let retitled =
            mustEdited.workspace.requirements.indices.contains(firstMust)
            && mustEdited.workspace.requirements[firstMust].priority == .must
            && mustEdited.workspace.requirements[firstMust].title != ws.requirements[firstMust].title
        // Each measured key starts from the same prepared state, as in a live session.
        var steps: [(String, AppState, Key)] = [
            ("key ↓ move down (requirements)", s1, .down),
            ("key PgDn page down (requirements)", s1, .pageDown),
            ("key 2 switch screen 1→2", s1, .char("2")),
            ("key 2 switch 1→2 after a requirement edit", applied, .char("2")),
            ("key 3 switch screen 2→3", s2, .char("3")),
            ("key 4 switch screen 3→4", s3, .char("4")),
            ("key / open search", s1, .char("/")),
            ("key Enter run search \"\(query)\"", typedQuery, .enter),
            ("key Enter open edit form", s1, .enter),
            ("key X type into the title", formOnTitle, .char("X")),
            ("key Enter apply the edit", formEdited, .enter),
            ("key + weight up (vendors)", s2, .char("+")),
            ("key + users what-if (budget)", s3, .char("+")),
        ]
        if retitled {
            steps.insert(("key 2 switch 1→2 after a must-have's title edit", mustEdited, .char("2")), at: 4)
        } else {
            report.skip(scope, "key 2 switch 1→2 after a must-have's title edit", "the first must-have could not be edited by keys")
        }
        for (name, start, key) in steps {
            bench(report, scope, name, repetitions: repetitions, note: "reduce + render") {
                var t = start
                _ = App.reduce(&t, .key(key))
                blackHole(App.render(t))
            }
        }
        let before = App.render(s1)
        let moved = App.render(after(s1, [.down]))
        report.add(
            Result(
                scope: scope, name: "cells changed: one-row move", median: Double(moved.changes(from: before).count),
                unit: "cells", samples: 1, note: "of \(width * height)"))
        let switched = App.render(s2)
        report.add(
            Result(
                scope: scope, name: "cells changed: screen switch 1→2", median: Double(switched.changes(from: before).count),
                unit: "cells", samples: 1, note: "of \(width * height)"))
    }
}

/// Keeps the optimiser from dropping a computed value.
@inline(never)
func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }
