### Das Portal der Träger: Aufrufe, Interessenbekundungen, Organisationen.

app-tagline = Präventionsprogramme der Jugendhilfe – vom Aufruf bis zum Jahresbericht
tenant-directory-title = Teilnehmende Kommunen
tenant-directory-intro = Wählen Sie Ihre Kommune, um zu deren Programm, Aufrufen und Stadträumen zu gelangen.
tenant-directory-empty = Es sind noch keine Kommunen eingerichtet.
home-intro = Das Projekt Sozialraumkoordination verbindet die Akteurinnen und Akteure der Jugendhilfe in jedem Stadtraum und stärkt die Prävention.
home-steering-module-text = Ein freier Träger steuert und begleitet das Projekt inhaltlich über mindestens drei Kalenderjahre, gemeinsam mit der siebenköpfigen Steuerungsgruppe.
home-practice-module = Praxismodul
home-practice-module-text = In jedem Stadtraum und jeder Ortschaftsgruppe arbeitet eine Sozialraumkoordinationsstelle mit 0,5 Vollzeitäquivalenten in freier Trägerschaft.
home-districts-link = Alle Stadträume und Ortschaften ansehen
districts-intro = Jeder dieser Räume erhält eine Sozialraumkoordinationsstelle mit 0,5 Vollzeitäquivalenten.
districts-empty = Für diese Kommune sind noch keine Stadträume angelegt.
district-number = Nr.
calls-title = Interessenbekundungsverfahren
calls-intro = Hier veröffentlicht die Kommune ihre Aufrufe zur Interessenbekundung an Träger der freien Jugendhilfe. Jeder Aufruf nennt die Lose, die Fragen und die Frist.
phase-draft = Entwurf
phase-upcoming = Demnächst
phase-open = Offen für Interessenbekundungen
phase-closed = Abgeschlossen
opens-at = Beginn
lots-intro = Für jedes Los wird eine eigene Interessenbekundung abgegeben.
required-mark = Pflichtangabe
optional-mark = freiwillig
at-most-chars = maximale Zeichenzahl:
how-to-apply-title = So bewerben Sie sich
how-to-apply-text = Interessenbekundungen geben Träger über ihr Konto in diesem Portal ab. Melden Sie sich mit dem Konto Ihrer Organisation an; wenn Ihre Organisation noch kein Konto hat, registrieren Sie sie hier im Portal.
starts-in = Beginnt in:
amount-for-year = Beantragter Betrag für
answers-title = Antworten
apply-link = Interessenbekundung abgeben (Anmeldung als Träger)
attachment-for = Anlage zu
attachments-title = Anlagen
bid-counts-title = Interessenbekundungen je Los
bid-frozen = Die Frist ist abgelaufen oder hat noch nicht begonnen: Diese Interessenbekundung kann nicht geändert werden.
bid-status-draft = Entwurf
bid-status-submitted = Eingereicht
bid-status-withdrawn = Zurückgezogen
bids-in-progress = In Bearbeitung
bids-sealed-until = Die Interessenbekundungen sind versiegelt bis zum Fristende:
bids-title = Interessenbekundungen
call-label = Aufruf
city = Ort
confirm-email-button = E-Mail-Adresse bestätigen
confirm-email-intro = Bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto freizuschalten.
confirm-email-title = E-Mail-Adresse bestätigen
contact-email = E-Mail-Adresse der Ansprechperson
contact-name = Ansprechperson
contact-phone = Telefon (freiwillig)
download-archive = Alle Interessenbekundungen dieses Loses herunterladen (ZIP)
email-confirmed = Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.
err-not-an-option = Bitte wählen Sie eine der angebotenen Antworten.
err-out-of-range = Der Wert liegt außerhalb des erlaubten Bereichs (Beträge nicht negativ, Stellenanteil über 0 und höchstens 10).
file-hint = PDF, ODT oder DOCX. Der Dateityp wird am Inhalt geprüft.
file-label = Datei
funding-intro = Geben Sie den beantragten Betrag je Haushaltsjahr in Euro an. Jahre ohne Betrag bleiben leer.
funding-title = Beantragte Mittel und Stellenanteil
general-attachment = Allgemeine Anlage
invite-colleague = Kollegin oder Kollegen einladen
invite-colleague-intro = Eingeladene Personen bearbeiten die Interessenbekundungen Ihrer Organisation mit.
legal-form = Rechtsform
members-title = Mitglieder
my-bids-title = Ihre Interessenbekundungen
no = Nein
no-attachments = Noch keine Anlagen.
no-bids-yet = Ihre Organisation hat noch keine Interessenbekundung begonnen.
no-open-calls = Derzeit ist kein Aufruf geöffnet.
no-organisations = Noch keine Träger registriert.
bids-undeclared-lots = { $count ->
        [one] Die Interessenbekundungen eines Loses sehen Sie,
       *[other] Die Interessenbekundungen von { $count } Losen sehen Sie,
    } sobald Sie dort erklärt haben, ob bei Ihnen ein Interessenkonflikt besteht:
no-submitted-bids = Zu diesem Aufruf sind keine Interessenbekundungen eingegangen.
no-versions = Noch nicht eingereicht.
not-verified = Nicht geprüft
open-calls-title = Offene Aufrufe
organisation-name = Name der Organisation
organisation-not-verified = Die Angaben Ihrer Organisation sind von der Verwaltung noch nicht geprüft. Sie können trotzdem schon Interessenbekundungen abgeben.
organisation-title = Ihre Organisation
organisations-intro = Registrierte Träger. Prüfen Sie Register und Anerkennung und markieren Sie die Organisation danach als geprüft.
pending = noch nicht aktiv
postcode = Postleitzahl
profile-title = Profil
receipt-text = Ihre Interessenbekundung ist eingegangen. Die Bestätigung kommt auch per E-Mail.
receipt-title = Eingangsbestätigung
recognised-carrier = Anerkannter Träger der freien Jugendhilfe (§ 75 SGB VIII)
recognised-short = Anerkannt (§ 75 SGB VIII)
register-button = Registrieren
register-intro = Registrieren Sie Ihre Organisation, um Interessenbekundungen abzugeben. Sie erhalten eine E-Mail, mit der Sie Ihre Adresse bestätigen.
register-link = Organisation registrieren
register-number = Registernummer und -gericht (falls eingetragen)
register-title = Träger registrieren
registered-check-email = Fast geschafft: Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben.
remove = Entfernen
resubmit-bid = Erneut einreichen
save = Speichern
send-invitation = Einladung senden
show-receipt = Eingangsbestätigung und eingereichte Fassung ansehen
start-bid = Interessenbekundung beginnen
street = Straße und Hausnummer
submit-bid = Verbindlich einreichen
unverify = Prüfung zurücknehmen
upload = Hochladen
upload-done = Die Datei wurde hochgeladen.
verified = Geprüft
verified-on = Von der Verwaltung geprüft am
verify = Als geprüft markieren
version-label = Fassung
versions-title = Eingereichte Fassungen
withdraw-bid = Interessenbekundung zurückziehen
yes = Ja
your-account = Ihr Konto
your-name = Ihr Name
call-closed-title = Die Frist ist abgelaufen
call-closed-text = Dieser Aufruf nimmt keine Interessenbekundungen mehr an. Über die Vergabe entscheidet der Jugendhilfeausschuss.
your-scores-caption = Ihre Bewertung durch die Steuerungsgruppe (Mittelwert je Kriterium)
mean-points-label = Mittlere Punktzahl
group-reasoning = Begründung der Steuerungsgruppe
archive-head =
    Interessenbekundung

    Aufruf: { $call }
    Los: { $lot }
    Träger: { $carrier }
    Fassung: { $version }
    Eingang: { $received }
    Prüfsumme (SHA-256): { $hash }
archive-amounts = Beantragte Mittel
archive-total = Summe: { $total }
archive-fte = Vollzeitäquivalente: { $fte }
archive-attachments = Anlagen
archive-attachment = { $name } ({ $bytes } Bytes, SHA-256 { $hash })
