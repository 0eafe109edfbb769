# Die Berichte der Koordinationsstellen (Arbeitsauftrag nach Beschluss §5).
nav-reports = Berichte
reports-title = Berichte
reports-intro = Quartalsberichte der Sozialraumkoordination nach dem einheitlichen Arbeitsauftrag: was fällig ist, was zur Prüfung vorliegt und was angenommen wurde.
reports-to-do-title = Zu erledigen
reports-waiting-title = Zur Prüfung eingereicht
reports-all-title = Alle Berichte
reports-none = Es gibt keine Berichte, die Sie sehen können.
reports-count = { $count ->
    [one] Ein Bericht
   *[other] { $count } Berichte
}
report-title = Bericht
report-district = Stadtraum
report-period = Zeitraum
report-due = Fällig bis
report-state = Stand
report-state-not-started = nicht begonnen
report-state-draft = Entwurf
report-state-submitted = eingereicht
report-state-returned = zurückgegeben
report-state-accepted = angenommen
report-late = verspätet
report-final = Abschlussbericht
report-open = Bericht öffnen
report-start = Bericht beginnen
report-section-cooperation = a) Kooperationsbeziehungen der Akteure der Jugendhilfe und angrenzender Bereiche im Stadtraum
report-section-access = b) Maßnahmen, die den Zugang der Bewohnerinnen und Bewohner zu Angeboten verbessern
report-section-prevention = c) Angestoßene Präventionsmaßnahmen und Projekte
report-section-network = d) Zusammenarbeit mit den anderen Koordinationsstellen und dem Steuerungsmodul
report-section-youth-office = e) Zusammenarbeit mit den Ansprechpersonen des Jugendamts im Stadtraum
report-partners = Netzwerkpartner
report-partner-name = Name
report-partner-field = Arbeitsfeld
report-partner-new = neu
report-partner-quality = Zusammenarbeit
report-quality-good = gut
report-quality-developing = im Aufbau
report-quality-difficult = schwierig
report-figures = Kennzahlen des Zeitraums
report-figure-network-partners = Netzwerkpartner (Anzahl)
report-figure-meetings = Treffen
report-figure-measures = Begonnene Maßnahmen
report-figure-people = Erreichte Personen
report-figure-hours = Geleistete Stunden (Viertelstunden)
report-figure-money = Ausgaben im Zeitraum (Euro)
report-save = Entwurf speichern
report-submit = Bericht einreichen
report-comments = Anmerkungen der Prüfung
report-comment-general = Zum Bericht insgesamt
report-review-title = Prüfung
report-review-hint = Schreiben Sie Anmerkungen zu den Punkten, die überarbeitet werden sollen. Zum Zurückgeben ist mindestens eine Anmerkung nötig.
report-accept = Bericht annehmen
report-return = Mit Anmerkungen zurückgeben
report-versions = Eingereichte Fassungen
report-version = Fassung
report-changed = geändert:
report-unchanged = nichts
report-tasks-link = Zu den Berichten
task-reports-overdue = { $count ->
        [one] Ein Bericht ist überfällig.
       *[other] { $count } Berichte sind überfällig.
    }
task-reports-returned = { $count ->
        [one] Ein Bericht wurde zur Überarbeitung zurückgegeben.
       *[other] { $count } Berichte wurden zur Überarbeitung zurückgegeben.
    }
task-reports-drafts = { $count ->
        [one] Ein Bericht ist in Arbeit.
       *[other] { $count } Berichte sind in Arbeit.
    }
task-reports-waiting = { $count ->
        [one] Ein Bericht wartet auf Ihre Prüfung.
       *[other] { $count } Berichte warten auf Ihre Prüfung.
    }
# Fristen und Kennzahlen über alle Berichte.
compliance-title = Berichtsfristen
compliance-intro = Ob die Koordinationsstellen ihre Berichte fristgerecht einreichen: je Stelle und Quartal pünktlich, verspätet, fehlend oder zurückgegeben.
compliance-on-time = pünktlich
compliance-late = verspätet
compliance-missing = fehlt
compliance-returned = zurückgegeben
compliance-pending = noch nicht fällig
compliance-by-quarter = Stand je Quartal
compliance-by-post = Stand je Koordinationsstelle
overview-year = Jahr
overview-all-years = Alle Jahre
overview-quarter = Quartal
chart-table-link = Zahlen als Tabelle
figures-title = Kennzahlen
figures-intro = Die Kennzahlen der eingereichten Berichte, zusammengezählt je Jahr, Stadtraum und Quartal – für das Controlling und den Bericht an den Jugendhilfeausschuss.
figures-none = Es gibt noch keine eingereichten Berichte, deren Kennzahlen Sie sehen können.
figures-reports = Berichte
figures-by-year = Je Jahr, mit Veränderung zum Vorjahr
figures-by-district = Je Stadtraum im Jahr
figures-by-quarter = Je Quartal im Jahr
figures-level-note = Die Zahl der Netzwerkpartner ist ein Bestand: Für ein Jahr oder Quartal zählt je Stelle der letzte Bericht. Alle anderen Kennzahlen werden addiert. Das Diagramm zeigt die erreichten Personen je Jahr.
report-from-previous = mit dem Inhalt des letzten Berichts
report-files-none = Keine Anlagen.
schedule-label = Berichtsrhythmus
schedule-change = Berichtsrhythmus ändern
schedule-extra = zusätzlich
schedule-extra-field = Zusätzliche Berichte zum (Tage als JJJJ-MM-TT, durch Kommas getrennt)
schedule-save = Speichern
cadence-monthly = monatlich
cadence-quarterly = vierteljährlich
cadence-half-yearly = halbjährlich
cadence-yearly = jährlich
report-deadline-label = Frist der Berichte (Tage nach Ende des Berichtszeitraums, 0 bis 90)
