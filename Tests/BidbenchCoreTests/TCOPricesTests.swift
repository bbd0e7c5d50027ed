import Testing

@testable import BidbenchCore

/// Regression: the TUI and the report scored a vendor without a bid on its TCO, `bidbench rank` did not.
@Suite struct TCOPricesTests {
    @Test func vendorsWithoutABidArePricedOnTheirHorizonTCO() {
        var ws = Workspace()
        ws.settings.horizonYears = 3
        ws.vendors = [Vendor(id: "V1", name: "甲", bidPrice: Money(units: 500)), Vendor(id: "V2", name: "乙"), Vendor(id: "V3", name: "丙")]
        ws.prices = [
            PriceLine(vendor: "V2", item: "维护", category: .maintenance, model: .annual, unitPrice: Money(units: 100)),
            PriceLine(vendor: "V1", item: "许可", category: .license, model: .one_time, unitPrice: Money(units: 900)),
        ]
        // V1 has a bid (its TCO is still listed but `evaluate` prefers the bid); V2: 3 × 100; V3 has no lines: no price.
        #expect(tcoPrices(ws) == ["V1": Money(units: 900), "V2": Money(units: 300)])
        ws.vendors[1].bidPrice = Money(units: 1)
        ws.vendors[2].bidPrice = Money(units: 1)
        #expect(tcoPrices(ws).isEmpty)
    }
}
