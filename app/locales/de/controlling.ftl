## Controlling: budget, ledger, closing of budget years, the committee report (issue 14).

err-ledger-not-positive = Der Betrag muss größer als null sein.
err-ledger-year-out-of-range = Das Haushaltsjahr muss zwischen 2000 und 2200 liegen.
err-ledger-year-closed = Das Haushaltsjahr ist abgeschlossen und nimmt keine Buchungen mehr an.
err-ledger-exceeds-available = Der Betrag übersteigt die verfügbaren Mittel dieser Haushaltsstelle.
err-ledger-earmark = Zweckgebundene Mittel dürfen nur im selben Programm und Modul verwendet werden wie die Förderung.
err-ledger-already-reversed = Diese Buchung wurde bereits storniert.
err-ledger-not-reversible = Überträge und Stornobuchungen können nicht storniert werden.
err-ledger-no-reference = Bitte geben Sie ein Aktenzeichen an (Beschluss oder Zahlungsreferenz).
err-ledger-no-reason = Bitte begründen Sie die Stornobuchung.
err-ledger-year-not-over = Das Haushaltsjahr ist noch nicht zu Ende.
err-ledger-earlier-year-open = Ein früheres Haushaltsjahr ist noch nicht abgeschlossen.
err-ledger-already-closed = Das Haushaltsjahr ist bereits abgeschlossen.
