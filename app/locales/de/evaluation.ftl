### Die Bewertung durch die Steuerungsgruppe, Empfehlung, Entscheidung und Beschlussvorlage.

scale-label = Punkte
change-declaration = Erklärung zu Interessenkonflikten ändern
declare-first = Bevor Sie die Interessenbekundungen dieses Loses sehen, erklären Sie bitte für jeden Träger, ob bei Ihnen ein Interessenkonflikt besteht.
recused-notice = Sie sind wegen eines Interessenkonflikts von diesem Los ausgeschlossen: Sie bewerten es nicht und sehen die Bewertungen der anderen nicht.
carrier-label = Träger
my-sheet-label = Meine Bewertung
group-progress-label = Abgeschlossene Bewertungen der Gruppe
tied-notice = Sie vertreten diesen Träger in der Steuerungsgruppe und sind deshalb ohne weitere Erklärung von diesem Los ausgeschlossen.
conflict-none = Kein Interessenkonflikt
conflict-employment = Beschäftigung beim Träger
conflict-board = Mitglied in Vorstand oder Gremium des Trägers
conflict-other = Anderer Interessenkonflikt (bitte erläutern)
conflict-note-label = Erläuterung (bei anderem Konflikt erforderlich)
submit-declaration = Erklärung abgeben
sheet-not-started = Noch nicht begonnen
sheet-draft = Entwurf
sheet-final = Abgeschlossen
sheet-points-missing = Punkte fehlen
sheet-justification-missing = Begründung fehlt
score-title = Bewertung der Interessenbekundung
read-bid = Interessenbekundung lesen
justification-label = Begründung
finalise-score = Bewertung abschließen
group-scores-title = Bewertungen der Steuerungsgruppe
ranking-rule = Die gewichtete Punktzahl ist der Mittelwert der abgeschlossenen Bewertungen, einmal auf zwei Nachkommastellen kaufmännisch gerundet; gleiche Punktzahlen teilen sich einen Rang.
ranking-after-own-scores = Die Rangfolge dieses Loses sehen Sie, sobald Ihre eigenen Bewertungen für alle seine Interessenbekundungen abgeschlossen sind.
ranking-lots = Lose dieses Aufrufs
ranking-table-caption = Rangfolge mit Mittelwert, Spannweite und Standardabweichung je Kriterium
rank-label = Rang
scores-count-label = Bewertungen
flags-label = Hinweise
flag-missing = Bewertungen fehlen
flag-disagreement = Starke Abweichung
flag-tie = Gleichstand
score-matrix-caption = Punktematrix: abgeschlossene Bewertungen je Mitglied
member-label = Mitglied
evaluation-tasks-title = Ihre Aufgaben in der Bewertung
task-undeclared-lots = { $count ->
        [one] ein Los wartet
       *[other] { $count } Lose warten
    } auf Ihre Erklärung
task-open-sheets = { $count ->
        [one] eine Bewertung offen
       *[other] { $count } Bewertungen offen
    }
task-group-progress = Gruppe:
funding-for-year = Fördersumme für
recorded-by = Erfasst von
recommendation-title = Empfehlung der Steuerungsgruppe und Entscheidung des Jugendhilfeausschusses
proposed-carrier = Vorgeschlagener Träger
no-award-proposed = Keine Förderung vorgeschlagen
reasoning-label = Begründung
no-recommendation-yet = Die Steuerungsgruppe hat für dieses Los noch keine Empfehlung erfasst.
record-recommendation = Empfehlung erfassen
no-decision-yet = Der Jugendhilfeausschuss hat noch nicht entschieden.
record-decision = Entscheidung erfassen
decision-label = Entscheidung
starts-on-label = Beginn der Förderung
ends-on-label = Ende der Förderung (beim Steuerungsmodul erforderlich)
posts-title = Geförderte Stellen
posts-empty = Noch keine geförderten Stellen.
steering-contract = Steuerungsmodul
district-label = Stadtraum
period-label = Zeitraum
funding-label = Förderung
task-undecided-bids = { $count ->
        [one] eine Interessenbekundung
       *[other] { $count } Interessenbekundungen
    } ohne Entscheidung des Jugendhilfeausschusses
eligible-label = Bewertungsberechtigt
mean-label = Mittelwert
range-label = Spannweite
score-matrix-sheet = Punktematrix
download-csv = Rangfolge und Punktematrix als CSV herunterladen
download-xlsx = Rangfolge und Punktematrix als Excel-Arbeitsmappe (XLSX) herunterladen
proposal-kind = Beschlussvorlage
proposal-issuer = Jugendhilfeausschuss
proposal-subject = Vergabe
proposal-call = Aufruf
proposal-as-of = Stand
proposal-motion-title = Beschlussvorschlag
proposal-motion-text = Der Jugendhilfeausschuss beschließt, die folgenden Interessenbekundungen entsprechend der Empfehlung der Steuerungsgruppe zu fördern:
proposal-nothing-recommended = Die Steuerungsgruppe hat für dieses Verfahren noch keine Empfehlung abgegeben.
proposal-amounts-label = Förderung je Haushaltsjahr
proposal-no-recommendation-yet = Noch keine Empfehlung der Steuerungsgruppe.
proposal-open-lots = Für die folgenden Lose liegt noch keine Empfehlung vor:
proposal-state = Stand
proposal-bids-received = Eingegangene Interessenbekundungen
proposal-lots-with-bids = Lose mit Interessenbekundungen
proposal-finance-title = Finanzielle Auswirkungen
proposal-budget-year = Haushaltsjahr
proposal-reasons-title = Begründung
proposal-rubric-intro = Die Mitglieder der Steuerungsgruppe haben die Interessenbekundungen unabhängig voneinander nach den folgenden gewichteten Kriterien bewertet. Wer einen Interessenkonflikt mit einem beteiligten Träger erklärt hat, hat an der Bewertung des betroffenen Loses nicht mitgewirkt.
proposal-group-recommends = Empfehlung der Steuerungsgruppe
proposal-procedure-title = Verfahren
page-word = Seite
of-word = von
proposal-link-html = Beschlussvorlage (Druckansicht)
proposal-link-pdf = Beschlussvorlage als PDF
