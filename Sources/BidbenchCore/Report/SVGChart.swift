/// Inline SVG chart primitives for the HTML report. Every function returns one `<svg>` element as
/// well-formed XML (attributes quoted, every element closed, text escaped) with a `viewBox`, so it
/// scales to the page width and prints crisply. No scripts, no external references, no `xmlns`
/// (the HTML parser places `<svg>` in the SVG namespace by itself).
enum SVGChart {
    /// Chart width in user units (about the printable width of A4 at 96 dpi).
    static let width = 720.0
    static let font = 12.0

    // MARK: - Building blocks

    static func n(_ x: Double) -> String { NumberText.upTo(x, 1) }
    static func e(_ s: String) -> String { ReportEscape.html(s) }

    static func open(height: Double, label: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"100%\" role=\"img\" aria-label=\"\(e(label))\">"
            + "<title>\(e(label))</title>"
    }

    static func text(
        _ s: String, x: Double, y: Double, anchor: String = "start", size: Double = font,
        fill: String = "#333", weight: String? = nil
    ) -> String {
        let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
        return "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\" fill=\"\(fill)\"\(w)>\(e(s))</text>"
    }

    static func rect(
        x: Double, y: Double, w: Double, h: Double, fill: String, stroke: String? = nil,
        strokeWidth: Double = 1, rx: Double = 0, tip: String? = nil
    ) -> String {
        let s = stroke.map { " stroke=\"\($0)\" stroke-width=\"\(n(strokeWidth))\"" } ?? ""
        let r = rx > 0 ? " rx=\"\(n(rx))\"" : ""
        let attrs = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, w)))\" height=\"\(n(max(0, h)))\" fill=\"\(fill)\"\(s)\(r)"
        if let tip { return "<rect \(attrs)><title>\(e(tip))</title></rect>" }
        return "<rect \(attrs)/>"
    }

    static func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#ccc",
        width w: Double = 1, dash: String? = nil
    ) -> String {
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(w))\"\(d)/>"
    }

    /// Estimated rendered width of `s` at `size`: CJK and other wide characters take a full em.
    static func textWidth(_ s: String, size: Double = font) -> Double {
        var w = 0.0
        for u in s.unicodeScalars {
            w += u.value >= 0x2E80 ? 1.0 : (u.value >= 0x41 && u.value <= 0x5A ? 0.66 : 0.56)
        }
        return w * size
    }

    /// `s` shortened with `…` so it fits `maxWidth`.
    static func fit(_ s: String, _ maxWidth: Double, size: Double = font) -> String {
        guard textWidth(s, size: size) > maxWidth else { return s }
        var out = ""
        for ch in s {
            if textWidth(out + String(ch) + "…", size: size) > maxWidth { break }
            out.append(ch)
        }
        return out + "…"
    }

    /// Splits `s` into at most `lines` lines that fit `maxWidth` (the last one shortened with `…`).
    static func wrap(_ s: String, _ maxWidth: Double, lines: Int = 2, size: Double = font) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in s {
            if textWidth(current + String(ch), size: size) > maxWidth, !current.isEmpty {
                out.append(current)
                current = ""
                if out.count == lines - 1 { break }
            }
            current.append(ch)
        }
        let used = out.joined().count + current.count
        if used < s.count {
            current = fit(String(s.dropFirst(out.joined().count)), maxWidth, size: size)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Axis ticks from 0 to at least `x`: the smallest step of 1, 2 or 5 × 10ᵏ that needs at most six
    /// intervals, so the axis ends close to the data.
    static func ticks(_ x: Double) -> [Double] {
        guard x > 0, x.isFinite else { return [0, 1] }
        var p = 1.0
        while p * 10 <= x { p *= 10 }
        while p > x { p /= 10 }
        for step in [p / 10, p / 5, p / 2, p, 2 * p, 5 * p, 10 * p] {
            let count = (x / step - 1e-9).rounded(.up)
            if count <= 6 { return (0...Int(max(1, count))).map { Double($0) * step } }
        }
        return [0, 10 * p]
    }

    /// A colour between `a` and `b` (`#rrggbb`) at `t` in 0…1.
    static func mix(_ a: String, _ b: String, _ t: Double) -> String {
        // `#rrggbb` read by its bytes (one heat-map cell each; by substrings it was a fortieth of a
        // large report). A byte that is not a hex digit counts as 0, as before.
        func comps(_ h: String) -> [Int] {
            let hex = Array(h.utf8.dropFirst())
            func digit(_ k: Int) -> Int? {
                guard k < hex.count else { return nil }
                switch hex[k] {
                case 0x30...0x39: return Int(hex[k] - 0x30)
                case 0x41...0x46: return Int(hex[k] - 0x41 + 10)
                case 0x61...0x66: return Int(hex[k] - 0x61 + 10)
                default: return nil
                }
            }
            return stride(from: 0, to: 6, by: 2).map { k in digit(k).flatMap { hi in digit(k + 1).map { hi * 16 + $0 } } ?? 0 }
        }
        let ca = comps(a)
        let cb = comps(b)
        let k = min(1, max(0, t))
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x23]
        for i in 0..<3 {
            let v = Int((Double(ca[i]) + (Double(cb[i]) - Double(ca[i])) * k).rounded())
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Horizontal bars

    struct Segment {
        var value: Double
        var color: String
        var tip: String
    }

    struct BarRow {
        var label: String
        var segments: [Segment]
        /// Text right of the bar.
        var valueText: String
        /// A background bar (an envelope, a maximum) drawn behind the segments.
        var track: Double? = nil
        /// Drawn instead of a bar (a disqualified vendor's reason), in red.
        var note: String? = nil
        var bold = false
    }

    /// Horizontal (stacked) bars, one row each, on a common axis from 0.
    static func horizontalBars(
        _ rows: [BarRow], title: String, axis: (Double) -> String,
        maxValue: Double? = nil
    ) -> String {
        let labelW = min(190, (rows.map { textWidth($0.label) }.max() ?? 40) + 12)
        let valueW = min(170, (rows.map { textWidth($0.valueText, size: 11) }.max() ?? 40) + 14)
        let x0 = labelW
        let x1 = width - valueW
        let rowH = 28.0
        let top = 10.0
        let dataMax = rows.map { max($0.segments.reduce(0) { $0 + $1.value }, $0.track ?? 0) }.max() ?? 0
        let marks = ticks(maxValue ?? dataMax)
        let top1 = marks.last!
        let height = top + Double(rows.count) * rowH + 26
        var s = open(height: height, label: title)
        let scale = (x1 - x0) / top1
        for v in marks {
            let x = x0 + v * scale
            s += line(x1: x, y1: top - 4, x2: x, y2: top + Double(rows.count) * rowH, stroke: v == 0 ? "#999" : "#e3e3e3")
            s += text(axis(v), x: x, y: height - 8, anchor: "middle", size: 10, fill: "#777")
        }
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowH
            s += text(
                fit(r.label, labelW - 12), x: x0 - 8, y: y + rowH / 2 + 4, anchor: "end",
                fill: r.note == nil ? "#222" : "#999", weight: r.bold ? "bold" : nil)
            if let track = r.track {
                s += rect(x: x0, y: y + 5, w: track * scale, h: rowH - 10, fill: "#eef1f5", stroke: "#b8c2cc", rx: 2)
            }
            if let note = r.note {
                s += rect(x: x0, y: y + 6, w: x1 - x0, h: rowH - 12, fill: "#fbeaea", stroke: "#e3b5b5", rx: 2)
                s += text(fit("✕ " + note, x1 - x0 - 12, size: 11), x: x0 + 6, y: y + rowH / 2 + 4, size: 11, fill: "#b71c1c")
                continue
            }
            var x = x0
            for seg in r.segments where seg.value > 0 {
                let w = seg.value * scale
                s += rect(x: x, y: y + 7, w: w, h: rowH - 14, fill: seg.color, tip: seg.tip)
                x += w
            }
            s += text(
                r.valueText, x: max(x, x0 + (r.track ?? 0) * scale) + 6, y: y + rowH / 2 + 4, size: 11,
                fill: "#333", weight: r.bold ? "bold" : nil)
        }
        return s + "</svg>"
    }

    // MARK: - Stacked columns

    struct Column {
        var label: String
        var segments: [Segment]
    }

    struct ColumnGroup {
        var label: String
        var columns: [Column]
    }

    /// Vertical stacked columns in labelled groups (vendors × years, months), with a y axis.
    static func stackedColumns(
        _ groups: [ColumnGroup], title: String, axis: (Double) -> String,
        height: Double = 300
    ) -> String {
        let left = 58.0
        let right = 10.0
        let top = 12.0
        let bottom = 46.0
        let plotH = height - top - bottom
        let total = groups.reduce(0) { $0 + $1.columns.count }
        let gap = 14.0
        let slot = (width - left - right - gap * Double(max(0, groups.count - 1))) / Double(max(1, total))
        let maxV = groups.flatMap { $0.columns }.map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 0
        let marks = ticks(maxV)
        let top1 = marks.last!
        var s = open(height: height, label: title)
        for v in marks {
            let y = top + plotH - v / top1 * plotH
            s += line(x1: left, y1: y, x2: width - right, y2: y, stroke: v == 0 ? "#999" : "#e3e3e3")
            s += text(axis(v), x: left - 6, y: y + 4, anchor: "end", size: 10, fill: "#777")
        }
        var x = left
        for g in groups {
            let gx = x
            for c in g.columns {
                var y = top + plotH
                let bw = min(64, max(2, slot * 0.72))
                for seg in c.segments where seg.value > 0 {
                    let h = seg.value / top1 * plotH
                    s += rect(x: x + (slot - bw) / 2, y: y - h, w: bw, h: h, fill: seg.color, tip: seg.tip)
                    y -= h
                }
                if g.columns.count > 1 || !c.label.isEmpty {
                    s += text(
                        fit(c.label, slot + 4, size: 9), x: x + slot / 2, y: top + plotH + 13, anchor: "middle", size: 9, fill: "#666")
                }
                x += slot
            }
            let gw = x - gx
            s += text(
                fit(g.label, gw + gap - 2, size: 11), x: gx + gw / 2, y: top + plotH + (g.columns.count > 1 ? 30 : 16),
                anchor: "middle", size: 11, fill: "#222", weight: "bold")
            x += gap
        }
        return s + "</svg>"
    }

    // MARK: - Heat map

    struct HeatCell {
        var value: Double
        var detail: String
        var flagged: Bool
        var tip: String
    }

    /// A rows × columns grid of values on 0…`maxValue`, coloured light to dark, with a detail line
    /// per cell and a red frame on flagged cells.
    static func heatMap(
        rows: [String], columns: [String], cells: [[HeatCell?]], maxValue: Double,
        title: String, emptyText: String
    ) -> String {
        let labelW = min(170, (rows.map { textWidth($0) }.max() ?? 40) + 14)
        let cw = (width - labelW - 4) / Double(max(1, columns.count))
        let headH = 36.0
        let ch = 40.0
        let height = headH + Double(rows.count) * ch + 6
        // Colours span from just below the lowest value to the top of the scale, so close scores
        // still differ visibly.
        let lowest = cells.flatMap { $0 }.compactMap { $0?.value }.min() ?? 0
        let floorValue = max(0, (lowest - maxValue * 0.1).rounded(.down))
        var s = open(height: height, label: title)
        for (j, c) in columns.enumerated() {
            let parts = wrap(c, cw - 6, lines: 2, size: 11)
            for (k, p) in parts.enumerated() {
                s += text(
                    p, x: labelW + (Double(j) + 0.5) * cw, y: headH - 8 - Double(parts.count - 1 - k) * 13,
                    anchor: "middle", size: 11, fill: "#333", weight: "bold")
            }
        }
        for (i, r) in rows.enumerated() {
            let y = headH + Double(i) * ch
            s += text(fit(r, labelW - 12), x: labelW - 8, y: y + ch / 2 + 4, anchor: "end", fill: "#222")
            for j in columns.indices {
                let x = labelW + Double(j) * cw
                guard let c = cells[i][j] else {
                    s += rect(x: x + 1, y: y + 1, w: cw - 2, h: ch - 2, fill: "#f4f4f4")
                    s += text(emptyText, x: x + cw / 2, y: y + ch / 2 + 4, anchor: "middle", size: 10, fill: "#999")
                    continue
                }
                let t = maxValue > floorValue ? (c.value - floorValue) / (maxValue - floorValue) : 0
                let fill = mix("#f1f6fb", "#0b4f8a", t)
                let ink = t > 0.55 ? "#fff" : "#1b2a3a"
                s += rect(
                    x: x + 1, y: y + 1, w: cw - 2, h: ch - 2, fill: fill,
                    stroke: c.flagged ? "#d32f2f" : nil, strokeWidth: 2.5, tip: c.tip)
                s += text(NumberText.fixed(c.value, 2), x: x + cw / 2, y: y + 18, anchor: "middle", size: 13, fill: ink, weight: "bold")
                s += text(
                    (c.flagged ? "⚑ " : "") + c.detail, x: x + cw / 2, y: y + 32, anchor: "middle", size: 9.5,
                    fill: c.flagged && t <= 0.55 ? "#c62828" : ink)
            }
        }
        return s + "</svg>"
    }

    // MARK: - Range bars

    struct RangeRow {
        var label: String
        var current: Double
        var lo: Double
        var hi: Double
        var text: String
    }

    /// Intervals on a 0…100 % axis with a marker at the current value (weight sensitivity).
    static func rangeBars(_ rows: [RangeRow], title: String) -> String {
        let labelW = min(180, (rows.map { textWidth($0.label) }.max() ?? 40) + 14)
        let textW = min(190, (rows.map { textWidth($0.text, size: 11) }.max() ?? 40) + 14)
        let x0 = labelW
        let x1 = width - textW
        let rowH = 28.0
        let top = 8.0
        let height = top + Double(rows.count) * rowH + 26
        var s = open(height: height, label: title)
        let sc = x1 - x0
        for i in 0...4 {
            let x = x0 + sc * Double(i) / 4
            s += line(x1: x, y1: top - 2, x2: x, y2: top + Double(rows.count) * rowH, stroke: "#e3e3e3")
            s += text("\(i * 25)%", x: x, y: height - 8, anchor: "middle", size: 10, fill: "#777")
        }
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowH
            let mid = y + rowH / 2
            s += text(fit(r.label, labelW - 12), x: x0 - 8, y: mid + 4, anchor: "end", fill: "#222")
            s += rect(x: x0, y: mid - 3, w: sc, h: 6, fill: "#eceff3", rx: 3)
            s += rect(
                x: x0 + r.lo * sc, y: mid - 7, w: max(2, (r.hi - r.lo) * sc), h: 14, fill: "#7fb3d5",
                stroke: "#2e6f9e", rx: 3, tip: r.text)
            let cx = x0 + r.current * sc
            s += "<circle cx=\"\(n(cx))\" cy=\"\(n(mid))\" r=\"5\" fill=\"#0b3d66\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
            s += text(r.text, x: x1 + 8, y: mid + 4, size: 11, fill: "#333")
        }
        return s + "</svg>"
    }

    // MARK: - Timeline

    struct Event {
        var day: Day
        var label: String
        var color: String
    }

    // Kept as one function: one SVG drawing, element by element.
    /// Dated events on a horizontal time axis, labels stacked in lanes so they do not overlap,
    /// with a dashed line at `today`.
    static func timeline(_ events: [Event], today: Day, title: String, todayLabel: String) -> String {
        let sorted = events.sorted { ($0.day, $0.label) < ($1.day, $1.label) }
        let days = sorted.map(\.day) + [today]
        let first = Day(year: days.min()!.year, month: days.min()!.month, day: 1)
        let lastDay = days.max()!
        let last = Day(year: lastDay.year, month: lastDay.month, day: 1).adding(months: 1)
        let left = 20.0
        let right = 20.0
        let span = Double(max(1, first.days(until: last)))
        func xOf(_ d: Day) -> Double { left + Double(first.days(until: d)) / span * (width - left - right) }
        // Lanes: each label goes in the first lane whose last label ends before it starts.
        var laneEnds: [Double] = []
        var placed: [(Event, Double, Int)] = []
        for ev in sorted {
            let x = xOf(ev.day)
            let label = fit("\(ev.day) " + ev.label, 270, size: 10)
            let w = textWidth(label, size: 10) + 10
            let start = min(x, width - right - w)
            var lane = laneEnds.firstIndex { $0 < start } ?? laneEnds.count
            if lane == laneEnds.count { laneEnds.append(0) }
            if lane > 11 { lane = 11 }
            laneEnds[lane] = start + w
            placed.append((Event(day: ev.day, label: label, color: ev.color), start, lane))
        }
        let laneH = 17.0
        let axisY = 38.0
        let height = axisY + 16 + Double(max(1, laneEnds.count)) * laneH + 8
        var s = open(height: height, label: title)
        s += line(x1: left, y1: axisY, x2: width - right, y2: axisY, stroke: "#555", width: 1.5)
        let months = (last.year - first.year) * 12 + last.month - first.month
        let step = months <= 14 ? 1 : months <= 30 ? 3 : months <= 72 ? 6 : 12
        // Ticks on months that are multiples of the step from January, so every January (a year label) is one.
        var m = Day(year: first.year, month: (first.month - 1) / step * step + 1, day: 1)
        while m <= last {
            if m < first {
                m = m.adding(months: step)
                continue
            }
            let x = xOf(m)
            s += line(x1: x, y1: axisY - 4, x2: x, y2: axisY + 4, stroke: "#555")
            let lbl = m.month == 1 || step >= 12 ? "\(m.year)" : "\(m.month < 10 ? "0" : "")\(m.month)"
            s += text(
                lbl, x: x, y: axisY - 7, anchor: "middle", size: 10, fill: m.month == 1 ? "#222" : "#777",
                weight: m.month == 1 ? "bold" : nil)
            m = m.adding(months: step)
        }
        let tx = xOf(today)
        s += line(x1: tx, y1: axisY - 4, x2: tx, y2: height - 4, stroke: "#d32f2f", width: 1.2, dash: "4 3")
        s += text(todayLabel, x: tx, y: 10, anchor: "middle", size: 10, fill: "#d32f2f", weight: "bold")
        // Connectors and markers first, then the labels with a white halo so lines never cross text.
        for (ev, _, lane) in placed {
            let x = xOf(ev.day)
            let y = axisY + 16 + Double(lane) * laneH
            s += line(x1: x, y1: axisY, x2: x, y2: y - 4, stroke: ev.color, width: 0.8)
            s += "<circle cx=\"\(n(x))\" cy=\"\(n(axisY))\" r=\"4\" fill=\"\(ev.color)\"/>"
        }
        for (ev, start, lane) in placed {
            let y = axisY + 16 + Double(lane) * laneH
            s +=
                "<text x=\"\(n(start + 2))\" y=\"\(n(y + 4))\" font-size=\"10\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(e(ev.label))</text>"
        }
        return s + "</svg>"
    }

    // MARK: - Risk matrix

    /// The 5 × 5 likelihood × impact matrix; `ids[l-1][i-1]` are the risks in that cell.
    static func riskMatrix(_ ids: [[[String]]], title: String, likelihood: String, impact: String) -> String {
        let left = 60.0
        let top = 8.0
        let cell = 100.0
        let cellH = 56.0
        let height = top + 5 * cellH + 44
        var s = open(height: height, label: title)
        let x0 = left + (width - left - 5 * cell) / 2
        for l in 1...5 {
            let y = top + Double(5 - l) * cellH
            s += text("\(l)", x: x0 - 10, y: y + cellH / 2 + 4, anchor: "end", size: 11, fill: "#555")
            for i in 1...5 {
                let x = x0 + Double(i - 1) * cell
                let score = l * i
                // The bands of RiskRegister.level: 1–4 low, 5–9 medium, 10–25 high.
                let fill = score >= 10 ? "#ef9a9a" : score >= 5 ? "#fff59d" : "#c8e6c9"
                let list = ids[l - 1][i - 1]
                s += rect(
                    x: x, y: y, w: cell, h: cellH, fill: fill, stroke: "#fff", strokeWidth: 2,
                    tip: "\(likelihood) \(l) × \(impact) \(i)")
                let lines = wrap(list.joined(separator: " "), cell - 10, lines: 3, size: 10)
                for (k, t) in lines.enumerated() {
                    s += text(
                        t, x: x + cell / 2, y: y + cellH / 2 + 4 + (Double(k) - Double(lines.count - 1) / 2) * 12,
                        anchor: "middle", size: 10, fill: "#222", weight: "bold")
                }
            }
        }
        for i in 1...5 {
            s += text("\(i)", x: x0 + (Double(i) - 0.5) * cell, y: top + 5 * cellH + 14, anchor: "middle", size: 11, fill: "#555")
        }
        s += text(impact + " →", x: x0 + 2.5 * cell, y: height - 6, anchor: "middle", size: 11, fill: "#333", weight: "bold")
        s +=
            "<text x=\"14\" y=\"\(n(top + 2.5 * cellH))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\" font-weight=\"bold\" transform=\"rotate(-90 14 \(n(top + 2.5 * cellH)))\">\(e(likelihood + " →"))</text>"
        return s + "</svg>"
    }

    // MARK: - Checklist grid

    struct Mark {
        var color: String
        var symbol: String
        var tip: String
    }

    /// Rows × many narrow columns of coloured marks (contracts × clause kinds), headers slanted.
    static func checklistGrid(rows: [String], columns: [String], marks: [[Mark]], title: String) -> String {
        let labelW = min(150, (rows.map { textWidth($0) }.max() ?? 40) + 14)
        let cw = (width - labelW - 40) / Double(max(1, columns.count))
        let headH = 112.0
        let rh = 26.0
        let height = headH + Double(rows.count) * rh + 6
        var s = open(height: height, label: title)
        for (j, c) in columns.enumerated() {
            let x = labelW + (Double(j) + 0.5) * cw
            let y = headH - 6
            s +=
                "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"10\" fill=\"#333\" transform=\"rotate(-50 \(n(x)) \(n(y)))\">\(e(fit(c, 130, size: 10)))</text>"
        }
        for (i, r) in rows.enumerated() {
            let y = headH + Double(i) * rh
            s += text(fit(r, labelW - 12), x: labelW - 8, y: y + rh / 2 + 4, anchor: "end", fill: "#222", weight: "bold")
            for (j, m) in marks[i].enumerated() {
                let x = labelW + Double(j) * cw
                s += rect(x: x + 1.5, y: y + 2, w: cw - 3, h: rh - 4, fill: m.color, rx: 3, tip: m.tip)
                s += text(m.symbol, x: x + cw / 2, y: y + rh / 2 + 4, anchor: "middle", size: 11, fill: "#fff", weight: "bold")
            }
        }
        return s + "</svg>"
    }
}
