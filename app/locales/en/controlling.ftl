## Controlling: budget, ledger, closing of budget years, the committee report (issue 14).

err-ledger-not-positive = The amount must be more than zero.
err-ledger-year-out-of-range = The budget year must lie between 2000 and 2200.
err-ledger-year-closed = The budget year is closed and takes no more entries.
err-ledger-exceeds-available = The amount is more than this budget line has available.
err-ledger-earmark = Earmarked money may only be used within the programme and module of the award.
err-ledger-already-reversed = This entry has already been reversed.
err-ledger-not-reversible = Carry-overs and corrections cannot be reversed.
err-ledger-no-reference = Please give a reference (the decision or the payment).
err-ledger-no-reason = Please give the reason for the correction.
err-ledger-year-not-over = The budget year has not ended yet.
err-ledger-earlier-year-open = An earlier budget year is still open.
err-ledger-already-closed = The budget year is already closed.
