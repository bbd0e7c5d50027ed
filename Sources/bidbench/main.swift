// Entry point: swift-argument-parser dispatches to the verbs; no verb opens the TUI.
Bidbench.main()
