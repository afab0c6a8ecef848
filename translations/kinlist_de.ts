<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AvatarRow</name>
    <message>
        <source>Changes now count as %1&apos;s</source>
        <translation>Änderungen werden jetzt %1 zugeordnet</translation>
    </message>
    <message>
        <source>Who is this? Tap your face.</source>
        <translation>Wer bist du? Tippe auf dein Gesicht.</translation>
    </message>
    <message>
        <source>%1, chosen</source>
        <translation>%1, ausgewählt</translation>
    </message>
</context>
<context>
    <name>ChangedByLabel</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>um %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>added by %1, %2</source>
        <extracomment>Who added an item and when: &quot;added by Mum, 5 min ago&quot;.</extracomment>
        <translation>hinzugefügt von %1, %2</translation>
    </message>
    <message>
        <source>changed by %1, %2</source>
        <extracomment>Who changed an item last and when: &quot;changed by Mum, 5 min ago&quot;.</extracomment>
        <translation>geändert von %1, %2</translation>
    </message>
</context>
<context>
    <name>CleaningOverlay</name>
    <message>
        <source>Cleaning – the screen ignores touches</source>
        <translation>Putzmodus – der Bildschirm reagiert nicht auf Berührungen</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>Noch %n Sekunde</numerusform>
            <numerusform>Noch %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>No date, or e.g. %1</source>
        <translation>Kein Datum, oder z. B. %1</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Datum wählen</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Voriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Hello %1!</source>
        <translation>Hallo %1!</translation>
    </message>
    <message>
        <source>Start a household for your family, or join one with the invite code someone gave you.</source>
        <translation>Leg einen Haushalt für deine Familie an oder tritt einem bei – mit dem Einladungscode, den dir jemand gegeben hat.</translation>
    </message>
    <message>
        <source>Start a household</source>
        <translation>Haushalt anlegen</translation>
    </message>
    <message>
        <source>e.g. The Smiths</source>
        <translation>z. B. Familie Müller</translation>
    </message>
    <message>
        <source>Household name</source>
        <translation>Name des Haushalts</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Join with an invite code</source>
        <translation>Mit Einladungscode beitreten</translation>
    </message>
    <message>
        <source>ABCD-EFGH</source>
        <translation>ABCD-EFGH</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Einladungscode</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Drag to move %1 (or Alt+Up and Alt+Down)</source>
        <translation>Ziehen, um %1 zu verschieben (oder Alt+Pfeil nach oben und Alt+Pfeil nach unten)</translation>
    </message>
    <message>
        <source>Mark %1 as not done</source>
        <translation>%1 als nicht erledigt markieren</translation>
    </message>
    <message>
        <source>Mark %1 as done</source>
        <translation>%1 als erledigt markieren</translation>
    </message>
    <message>
        <source>Item title</source>
        <translation>Titel des Eintrags</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <extracomment>A task&apos;s due date on its row, e.g. &quot;due 24/11/2026&quot;.</extracomment>
        <translation>überfällig seit %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig am %1</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meins behalten</translation>
    </message>
    <message>
        <source>Keep my change to %1</source>
        <translation>Meine Änderung an %1 behalten</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved on this computer; it goes to the others when connected.</source>
        <translation>Auf diesem Computer gespeichert; wird an die anderen gesendet, sobald eine Verbindung besteht.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>Der Server hat diese Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>Details of %1</source>
        <translation>Details zu %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Löschen (Entf)</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>Für %1</translation>
    </message>
    <message>
        <source>Reminder at the time</source>
        <translation>Erinnerung zur Uhrzeit</translation>
    </message>
    <message numerus="yes">
        <source>Reminder %n minute(s) before</source>
        <translation>
            <numerusform>Erinnerung %n Minute vorher</numerusform>
            <numerusform>Erinnerung %n Minuten vorher</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskItemRow</name>
    <message>
        <source>%1, done</source>
        <translation>%1, erledigt</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>überfällig seit %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig am %1</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <source>‹ All lists</source>
        <translation>‹ Alle Listen</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Putzen</translation>
    </message>
    <message>
        <source>Cleaning mode: ignore touches for 30 seconds</source>
        <translation>Putzmodus: Berührungen 30 Sekunden lang ignorieren</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Leave kiosk mode (needs the PIN)</source>
        <translation>Kiosk-Modus verlassen (PIN erforderlich)</translation>
    </message>
    <message>
        <source>No lists yet. Lists made on any family device show up here.</source>
        <translation>Noch keine Listen. Listen, die auf einem Gerät der Familie angelegt werden, erscheinen hier.</translation>
    </message>
    <message>
        <source>Add to %1…</source>
        <translation>Zu %1 hinzufügen…</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Nothing on this list.</source>
        <translation>Diese Liste ist leer.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Kiosk-Modus verlassen</translation>
    </message>
    <message>
        <source>Today for %1</source>
        <translation>Heute für %1</translation>
    </message>
    <message>
        <source>Tap to mark it done</source>
        <translation>Antippen, um sie zu erledigen</translation>
    </message>
</context>
<context>
    <name>KioskPairPage</name>
    <message>
        <source>Pair this kitchen tablet</source>
        <translation>Dieses Küchen-Tablet koppeln</translation>
    </message>
    <message>
        <source>On a family computer, an owner opens Kinlist, Settings, and chooses &quot;Make a pairing code&quot;. Type that code here.</source>
        <translation>Ein Eigentümer öffnet auf einem Familiencomputer Kinlist, dann die Einstellungen, und wählt „Kopplungscode erstellen“. Gib diesen Code hier ein.</translation>
    </message>
    <message>
        <source>Server address, e.g. kitchen-pc:8477</source>
        <translation>Serveradresse, z. B. kitchen-pc:8477</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Pairing code, e.g. K7QX-M2PD</source>
        <translation>Kopplungscode, z. B. K7QX-M2PD</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Kopplungscode</translation>
    </message>
    <message>
        <source>Kitchen tablet</source>
        <translation>Küchen-Tablet</translation>
    </message>
    <message>
        <source>A name for this tablet</source>
        <translation>Ein Name für dieses Tablet</translation>
    </message>
    <message>
        <source>Tablet name</source>
        <translation>Name des Tablets</translation>
    </message>
    <message>
        <source>Exit PIN (4–8 digits)</source>
        <translation>PIN zum Beenden (4–8 Ziffern)</translation>
    </message>
    <message>
        <source>PIN to leave kiosk mode</source>
        <translation>PIN zum Verlassen des Kiosk-Modus</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>PIN noch einmal eingeben</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>This tablet has no keychain. Keep the pairing in a file only this user can read, so it survives a restart.</source>
        <translation>Dieses Tablet hat keinen Schlüsselbund. Die Kopplung in einer Datei speichern, die nur dieser Benutzer lesen kann, damit sie einen Neustart übersteht.</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Einen Moment…</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Koppeln</translation>
    </message>
</context>
<context>
    <name>KioskTile</name>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Shopping</source>
        <translation>Einkauf</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Alles erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%n to do</source>
        <translation>
            <numerusform>%n zu erledigen</numerusform>
            <numerusform>%n zu erledigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to get</source>
        <translation>
            <numerusform>%n zu besorgen</numerusform>
            <numerusform>%n zu besorgen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>As the system (%1)</source>
        <extracomment>The first choice of the language setting: follow the computer&apos;s language.</extracomment>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>Rename and colour…</source>
        <translation>Umbenennen und Farbe …</translation>
    </message>
    <message>
        <source>Clear done items</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Take out of the archive</source>
        <translation>Aus dem Archiv holen</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Delete list…</source>
        <translation>Liste löschen …</translation>
    </message>
    <message>
        <source>Rename and colour</source>
        <translation>Umbenennen und Farbe</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Name of the list</source>
        <translation>Name der Liste</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Liste löschen</translation>
    </message>
    <message>
        <source>The list is empty. It goes for everyone in the household.</source>
        <translation>Die Liste ist leer. Sie verschwindet für alle im Haushalt.</translation>
    </message>
    <message numerus="yes">
        <source>Its %n item(s) go with it, for everyone in the household.</source>
        <translation>
            <numerusform>Ihr %n Eintrag verschwindet mit ihr, für alle im Haushalt.</numerusform>
            <numerusform>Ihre %n Einträge verschwinden mit ihr, für alle im Haushalt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order of categories…</source>
        <translation>Reihenfolge der Kategorien…</translation>
    </message>
    <message>
        <source>Order of categories</source>
        <translation>Reihenfolge der Kategorien</translation>
    </message>
    <message>
        <source>Categories in shop order</source>
        <translation>Kategorien in der Reihenfolge im Laden</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>%1 nach oben</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>%1 nach unten</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 – Kinlist</source>
        <translation>%1 – Kinlist</translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>e.g. kg</source>
        <translation>z. B. kg</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>e.g. Dairy</source>
        <translation>z. B. Milchprodukte</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Egal wer</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Invite someone to %1</source>
        <translation>Jemanden zu %1 einladen</translation>
    </message>
    <message>
        <source>On their device, they choose &quot;Join with an invite code&quot; and type:</source>
        <translation>Die Person wählt auf ihrem Gerät „Mit Einladungscode beitreten“ und gibt Folgendes ein:</translation>
    </message>
    <message>
        <source>Making a code…</source>
        <translation>Code wird erstellt…</translation>
    </message>
    <message>
        <source>The code works for 24 hours, for up to 5 people.</source>
        <translation>Der Code gilt 24 Stunden lang für bis zu 5 Personen.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Haushalt</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n open</source>
        <comment>a list and how many items are not done</comment>
        <translation>
            <numerusform>%1, %n offen</numerusform>
            <numerusform>%1, %n offen</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Jemanden einladen</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Neue Liste</translation>
    </message>
    <message>
        <source>No list yet</source>
        <translation>Noch keine Liste</translation>
    </message>
    <message>
        <source>%1 is looking at this list</source>
        <translation>%1 schaut sich gerade diese Liste an</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Show the activity of this list</source>
        <translation>Aktivität dieser Liste anzeigen</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Notifications for this list are off</source>
        <translation>Benachrichtigungen für diese Liste sind aus</translation>
    </message>
    <message>
        <source>Notify me of others&apos; changes to this list</source>
        <translation>Mich benachrichtigen, wenn andere diese Liste ändern</translation>
    </message>
    <message>
        <source>Unmute this list</source>
        <translation>Stummschaltung dieser Liste aufheben</translation>
    </message>
    <message>
        <source>Mute this list</source>
        <translation>Diese Liste stummschalten</translation>
    </message>
    <message>
        <source>Find on this list (Esc to close)</source>
        <translation>In dieser Liste suchen (Esc zum Schließen)</translation>
    </message>
    <message>
        <source>Find items</source>
        <translation>Einträge suchen</translation>
    </message>
    <message>
        <source>Add an item and press Enter</source>
        <translation>Eintrag eingeben und mit Enter hinzufügen</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>Never mind</source>
        <translation>Doch nicht</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Nothing on this list yet.</source>
        <translation>Noch nichts auf dieser Liste.</translation>
    </message>
    <message>
        <source>Hide done items</source>
        <translation>Erledigte ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>Show %n done item(s)</source>
        <translation>
            <numerusform>%n erledigten Eintrag anzeigen</numerusform>
            <numerusform>%n erledigte Einträge anzeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Liste</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Activity of the household</source>
        <translation>Aktivität im Haushalt</translation>
    </message>
    <message>
        <source>Activity of this list</source>
        <translation>Aktivität dieser Liste</translation>
    </message>
    <message>
        <source>Take this change back</source>
        <translation>Diese Änderung zurücknehmen</translation>
    </message>
    <message>
        <source>Take back: %1</source>
        <translation>Zurücknehmen: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Name, e.g. Groceries</source>
        <translation>Name, z. B. Einkauf</translation>
    </message>
    <message>
        <source>Name of the new list</source>
        <translation>Name der neuen Liste</translation>
    </message>
    <message>
        <source>Shopping list: quantities, grouped by category</source>
        <translation>Einkaufsliste: Mengen, nach Kategorie gruppiert</translation>
    </message>
    <message>
        <source>Tasks: who does it, and by when</source>
        <translation>Aufgaben: wer sie erledigt und bis wann</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n to do</source>
        <comment>a task list and how many tasks are open</comment>
        <translation>
            <numerusform>%1, %n zu erledigen</numerusform>
            <numerusform>%1, %n zu erledigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a new list</source>
        <translation>Neue Liste anlegen</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <source>Show the lists</source>
        <translation>Listen anzeigen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find on this list (Ctrl+F)</source>
        <translation>In dieser Liste suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find on this list</source>
        <translation>In dieser Liste suchen</translation>
    </message>
    <message>
        <source>Who did what (Esc closes)</source>
        <translation>Wer hat was gemacht (Esc schließt)</translation>
    </message>
    <message>
        <source>Never mind (Esc)</source>
        <translation>Doch nicht (Esc)</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <source>Enter the password of %1 to send your changes and get the family&apos;s.</source>
        <translation>Gib das Passwort von %1 ein, um deine Änderungen zu senden und die der Familie zu holen.</translation>
    </message>
    <message>
        <source>Not signed in and the server is not answering. You can read and change your lists; Kinlist asks for your password when the server is back.</source>
        <translation>Nicht angemeldet, und der Server antwortet nicht. Du kannst deine Listen lesen und ändern; Kinlist fragt nach deinem Passwort, sobald der Server wieder da ist.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Not signed in on this computer. Your changes are kept here and sent once you sign in.</source>
        <translation>Auf diesem Computer nicht angemeldet. Deine Änderungen bleiben hier gespeichert und werden gesendet, sobald du dich anmeldest.</translation>
    </message>
    <message>
        <source>Type the first item, then name its list</source>
        <translation>Ersten Eintrag eingeben, dann die Liste benennen</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Alt+Up and Alt+Down move it, the Menu key opens its menu</source>
        <translation>Alt+Auf und Alt+Ab verschieben sie, die Menütaste öffnet ihr Menü</translation>
    </message>
    <message>
        <source>Drag to move %1 (or Alt+Up and Alt+Down)</source>
        <translation>Ziehen, um %1 zu verschieben (oder Alt+Auf und Alt+Ab)</translation>
    </message>
    <message>
        <source>Archived (%1)</source>
        <translation>Archiviert (%1)</translation>
    </message>
    <message>
        <source>Hide the archived lists</source>
        <translation>Archivierte Listen ausblenden</translation>
    </message>
    <message>
        <source>Show the archived lists</source>
        <translation>Archivierte Listen zeigen</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archiviert)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>Archived: take it out</source>
        <translation>Archiviert: zurückholen</translation>
    </message>
    <message>
        <source>This list is archived. Take it out of the archive</source>
        <translation>Diese Liste ist archiviert. Aus dem Archiv holen</translation>
    </message>
    <message>
        <source>List menu</source>
        <translation>Listenmenü</translation>
    </message>
    <message>
        <source>Rename, colour, archive or delete this list</source>
        <translation>Diese Liste umbenennen, färben, archivieren oder löschen</translation>
    </message>
    <message>
        <source>Menu of this list</source>
        <translation>Menü dieser Liste</translation>
    </message>
    <message>
        <source>Clear done items</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Take the done items off the list (Undo brings them back)</source>
        <translation>Erledigte Einträge von der Liste nehmen (Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message numerus="yes">
        <source>Today, %n due</source>
        <translation>
            <numerusform>Heute, %n fällig</numerusform>
            <numerusform>Heute, %n fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>What is due across all lists (Ctrl+T)</source>
        <translation>Was in allen Listen fällig ist (Strg+T)</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Nur meine</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source>At the time</source>
        <translation>Zur Uhrzeit</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>15 Minuten vorher</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>1 Stunde vorher</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>1 Tag vorher</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>All day, or e.g. %1</source>
        <extracomment>The time field of a task&apos;s details; %1 is an example time.</extracomment>
        <translation>Ganztägig, oder z. B. %1</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Erinnern</translation>
    </message>
    <message>
        <source>Needs a time</source>
        <translation>Braucht eine Uhrzeit</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n Minute vorher</numerusform>
            <numerusform>%n Minuten vorher</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Kiosk-Modus verlassen</translation>
    </message>
    <message>
        <source>Enter the PIN</source>
        <translation>PIN eingeben</translation>
    </message>
    <message>
        <source>Delete a digit</source>
        <translation>Ziffer löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n Ziffer eingegeben</numerusform>
            <numerusform>%n Ziffern eingegeben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Jede Woche</translation>
    </message>
    <message>
        <source>Every 2 weeks</source>
        <translation>Alle 2 Wochen</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Jeden Monat</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Jedes Jahr</translation>
    </message>
    <message>
        <source>Custom…</source>
        <extracomment>A repeat rule of the task&apos;s own: every N days, weeks on chosen days, ...</extracomment>
        <translation>Eigene…</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <extracomment>Repeat every N days (the word after the number).</extracomment>
        <translation>
            <numerusform>Tag</numerusform>
            <numerusform>Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>Woche</numerusform>
            <numerusform>Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>Monat</numerusform>
            <numerusform>Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>Jahr</numerusform>
            <numerusform>Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Every</source>
        <extracomment>Before the number of a custom repeat: &quot;Every [2] [weeks]&quot;.</extracomment>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>Wiederholen alle</translation>
    </message>
    <message>
        <source>Repeat unit</source>
        <translation>Einheit der Wiederholung</translation>
    </message>
    <message>
        <source>Take turns</source>
        <translation>Abwechselnd</translation>
    </message>
    <message>
        <source>If done late, count from that day</source>
        <translation>Bei Verspätung ab diesem Tag zählen</translation>
    </message>
    <message>
        <source>On</source>
        <extracomment>Before the day of a custom monthly repeat: &quot;On day [15]&quot;.</extracomment>
        <translation>Am</translation>
    </message>
    <message>
        <source>On day</source>
        <translation>Am Tag</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Tag des Monats</translation>
    </message>
    <message>
        <source>In shorter months, on their last day.</source>
        <translation>In kürzeren Monaten am letzten Tag.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation>Angemeldet als %1 bei %2.</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Mitglieder von %1</translation>
    </message>
    <message>
        <source>%1 (owner)</source>
        <translation>%1 (Eigentümer)</translation>
    </message>
    <message>
        <source>%1 (kitchen tablet)</source>
        <translation>%1 (Küchen-Tablet)</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>Entkoppeln</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the household</source>
        <translation>%1 aus dem Haushalt entfernen</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Jemanden einladen</translation>
    </message>
    <message>
        <source>Kitchen tablet</source>
        <translation>Küchen-Tablet</translation>
    </message>
    <message>
        <source>A tablet on the wall shows the lists to everyone, full screen. Start Kinlist there with --kiosk (or choose kiosk mode below) and enter a pairing code.</source>
        <translation>Ein Tablet an der Wand zeigt allen die Listen im Vollbild. Starte Kinlist dort mit --kiosk (oder wähle unten den Kiosk-Modus) und gib einen Kopplungscode ein.</translation>
    </message>
    <message>
        <source>Make a pairing code</source>
        <translation>Kopplungscode erstellen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, valid once until %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, einmal gültig bis %2</translation>
    </message>
    <message>
        <source>Use this computer as the kitchen kiosk…</source>
        <translation>Diesen Computer als Küchen-Kiosk verwenden…</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>The tablet stops showing the household&apos;s lists at once and needs a new pairing code.</source>
        <translation>Das Tablet zeigt die Listen des Haushalts ab sofort nicht mehr an und braucht einen neuen Kopplungscode.</translation>
    </message>
    <message>
        <source>They no longer see the household&apos;s lists. An owner can invite them again.</source>
        <translation>Die Person sieht die Listen des Haushalts dann nicht mehr. Ein Eigentümer kann sie erneut einladen.</translation>
    </message>
    <message>
        <source>Use this computer as the kiosk?</source>
        <translation>Diesen Computer als Kiosk verwenden?</translation>
    </message>
    <message>
        <source>Kinlist restarts full screen and asks for a pairing code and a PIN. Leaving kiosk mode then needs that PIN; your own sign-in stays on this computer.</source>
        <translation>Kinlist startet im Vollbild neu und fragt nach einem Kopplungscode und einer PIN. Um den Kiosk-Modus danach zu verlassen, brauchst du diese PIN; deine eigene Anmeldung bleibt auf diesem Computer erhalten.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Tell me when others change our lists</source>
        <translation>Benachrichtige mich, wenn andere unsere Listen ändern</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Where no keychain is available, remember my sign-in in a file only my user can read</source>
        <translation>Wenn kein Schlüsselbund verfügbar ist, meine Anmeldung in einer Datei speichern, die nur mein Benutzerkonto lesen kann</translation>
    </message>
    <message>
        <source>Sign out of this device</source>
        <translation>Auf diesem Gerät abmelden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Restart as kiosk</source>
        <translation>Als Kiosk neu starten</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Keep Kinlist in the tray when I close the window, for reminders and news</source>
        <translation>Kinlist beim Schließen des Fensters im Infobereich behalten, für Erinnerungen und Neuigkeiten</translation>
    </message>
    <message>
        <source>Start Kinlist in the tray when I log in</source>
        <translation>Kinlist beim Anmelden im Infobereich starten</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Create your Kinlist account</source>
        <translation>Erstelle dein Kinlist-Konto</translation>
    </message>
    <message>
        <source>Welcome to Kinlist</source>
        <translation>Willkommen bei Kinlist</translation>
    </message>
    <message>
        <source>Shared lists for the whole family, on every device, live.</source>
        <translation>Gemeinsame Listen für die ganze Familie – live auf jedem Gerät.</translation>
    </message>
    <message>
        <source>Server address, e.g. kitchen-pc:8477</source>
        <translation>Serveradresse, z. B. kitchen-pc:8477</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Your name, as the family sees it</source>
        <translation>Dein Name, wie die Familie ihn sieht</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>Passwort (mindestens 8 Zeichen)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Einen Moment…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Ich habe schon ein Konto</translation>
    </message>
    <message>
        <source>New here? Create an account</source>
        <translation>Neu hier? Konto erstellen</translation>
    </message>
    <message>
        <source>Keep me signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the sign-in would be kept in a file only your user can read. Otherwise Kinlist asks for your password after each start.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, daher wird die Anmeldung in einer Datei gespeichert, die nur dein Benutzerkonto lesen kann. Sonst fragt Kinlist nach jedem Start nach deinem Passwort.</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <source>Connecting</source>
        <translation>Wird verbunden</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <comment>changes not yet sent to the server</comment>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Retry connecting now</source>
        <translation>Jetzt erneut verbinden</translation>
    </message>
</context>
<context>
    <name>Toasts</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <extracomment>Above the newest toast: the older ones, folded away.</extracomment>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the other messages</source>
        <translation>Die anderen Meldungen zeigen</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Due today and soon</source>
        <translation>Heute und bald fällig</translation>
    </message>
    <message>
        <source>%1, %2. Space completes it, Enter opens %2</source>
        <translation>%1, %2. Leertaste erledigt sie, Eingabe öffnet %2</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Nothing due for you this week.</source>
        <translation>Diese Woche ist für dich nichts fällig.</translation>
    </message>
    <message>
        <source>Nothing due this week. Tasks with a date show up here.</source>
        <translation>Diese Woche ist nichts fällig. Aufgaben mit Datum erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>kinlist::client::AuthClient</name>
    <message>
        <source>That email address and password do not match an account.</source>
        <translation>E-Mail-Adresse und Passwort passen zu keinem Konto.</translation>
    </message>
    <message>
        <source>There is already an account with this email address. Sign in instead.</source>
        <translation>Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Melde dich stattdessen an.</translation>
    </message>
    <message>
        <source>That pairing code is not valid. It may have expired or been used already; make a new one in Settings on a family computer.</source>
        <translation>Dieser Kopplungscode ist ungültig. Vielleicht ist er abgelaufen oder wurde schon verwendet; erstelle in den Einstellungen auf einem Familiencomputer einen neuen.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>Zu viele Versuche. Warte eine Minute und versuch es dann noch einmal.</translation>
    </message>
    <message>
        <source>This server needs a newer Kinlist. Please update the app.</source>
        <translation>Dieser Server braucht eine neuere Kinlist-Version. Bitte aktualisiere die App.</translation>
    </message>
    <message>
        <source>Please check what you typed: %1</source>
        <translation>Bitte prüfe deine Eingabe: %1</translation>
    </message>
    <message>
        <source>The server could not sign you in (%1).</source>
        <translation>Der Server konnte dich nicht anmelden (%1).</translation>
    </message>
    <message>
        <source>The server at %1 did not answer. Check the address and that it is running.</source>
        <translation>Der Server unter %1 antwortet nicht. Prüfe die Adresse und ob der Server läuft.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your network.</source>
        <translation>Der Server unter %1 ist nicht erreichbar. Prüfe die Adresse und deine Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>That does not look like a server address (for example kitchen-pc:8477).</source>
        <translation>Das sieht nicht nach einer Serveradresse aus (zum Beispiel kitchen-pc:8477).</translation>
    </message>
</context>
<context>
    <name>kinlist::client::CredentialStore</name>
    <message>
        <source>Your sign-in is kept in the system keychain.</source>
        <translation>Deine Anmeldung wird im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer. Your sign-in is kept in a file only your user account can read, as you chose.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar. Wie von dir gewählt, wird deine Anmeldung in einer Datei gespeichert, die nur dein Benutzerkonto lesen kann.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer, and the sign-in file could not be written. You will have to sign in again after Kinlist restarts.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar, und die Anmeldedatei konnte nicht geschrieben werden. Nach einem Neustart von Kinlist musst du dich erneut anmelden.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer. Your sign-in is kept only until Kinlist closes; you can allow keeping it in a private file in Settings.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar. Deine Anmeldung bleibt nur gespeichert, bis Kinlist geschlossen wird; in den Einstellungen kannst du erlauben, sie in einer privaten Datei zu speichern.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ActivityModel</name>
    <message>
        <source>%1 in %2</source>
        <extracomment>An activity entry of the household-wide feed: &quot;Dad checked off Milk&quot; in &quot;Groceries&quot;</extracomment>
        <translation>%1 (in „%2“)</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 created the list %2</source>
        <translation>%1 hat die Liste „%2“ erstellt</translation>
    </message>
    <message>
        <source>%1 created the list</source>
        <translation>%1 hat die Liste erstellt</translation>
    </message>
    <message>
        <source>%1 renamed the list to %2</source>
        <translation>%1 hat die Liste in „%2“ umbenannt</translation>
    </message>
    <message>
        <source>%1 changed the list</source>
        <translation>%1 hat die Liste geändert</translation>
    </message>
    <message>
        <source>%1 deleted the list</source>
        <translation>%1 hat die Liste gelöscht</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 hat %2 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 hat %2 entfernt</translation>
    </message>
    <message>
        <source>%1 moved %2</source>
        <translation>%1 hat %2 verschoben</translation>
    </message>
    <message>
        <source>%1 checked off %2</source>
        <translation>%1 hat %2 abgehakt</translation>
    </message>
    <message>
        <source>%1 put %2 back on the list</source>
        <translation>%1 hat %2 wieder auf die Liste gesetzt</translation>
    </message>
    <message>
        <source>%1 renamed an item to %2</source>
        <translation>%1 hat einen Eintrag in „%2“ umbenannt</translation>
    </message>
    <message>
        <source>%1 changed %2</source>
        <translation>%1 hat %2 geändert</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <extracomment>A change the kitchen tablet made for someone: the sentence, then the tablet&apos;s name (&quot;Dad checked off Milk (on Kitchen tablet)&quot;).</extracomment>
        <translation>%1 (über %2)</translation>
    </message>
    <message>
        <source>%1 did %2, %3</source>
        <extracomment>A repeating task done: &quot;Dad did Take out bins, 06/12/2026&quot; (the occurrence&apos;s date).</extracomment>
        <translation>%1 hat %2 erledigt, %3</translation>
    </message>
    <message>
        <source>%1 deleted the list %2</source>
        <translation>%1 hat die Liste %2 gelöscht</translation>
    </message>
    <message>
        <source>%1 brought back the list %2</source>
        <translation>%1 hat die Liste %2 wiederhergestellt</translation>
    </message>
    <message>
        <source>%1 brought back the list</source>
        <translation>%1 hat die Liste wiederhergestellt</translation>
    </message>
    <message>
        <source>%1 archived the list %2</source>
        <translation>%1 hat die Liste %2 archiviert</translation>
    </message>
    <message>
        <source>%1 archived the list</source>
        <translation>%1 hat die Liste archiviert</translation>
    </message>
    <message>
        <source>%1 took the list %2 out of the archive</source>
        <translation>%1 hat die Liste %2 aus dem Archiv geholt</translation>
    </message>
    <message>
        <source>%1 took the list out of the archive</source>
        <translation>%1 hat die Liste aus dem Archiv geholt</translation>
    </message>
    <message>
        <source>%1 gave the list %2 another colour</source>
        <translation>%1 hat der Liste %2 eine andere Farbe gegeben</translation>
    </message>
    <message>
        <source>%1 gave the list another colour</source>
        <translation>%1 hat der Liste eine andere Farbe gegeben</translation>
    </message>
    <message>
        <source>%1 moved the list %2</source>
        <translation>%1 hat die Liste %2 verschoben</translation>
    </message>
    <message>
        <source>%1 moved the list</source>
        <translation>%1 hat die Liste verschoben</translation>
    </message>
    <message>
        <source>%1 changed the list %2</source>
        <translation>%1 hat die Liste %2 geändert</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Alerts</name>
    <message>
        <source>today at %1</source>
        <extracomment>When a task is due: &quot;today at 19:00&quot;.</extracomment>
        <translation>heute um %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>morgen um %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>Due %1 · %2</source>
        <extracomment>A reminder&apos;s second line: &quot;Due today at 19:00 · Chores&quot;.</extracomment>
        <translation>Fällig %1 · %2</translation>
    </message>
    <message>
        <source>Reminder: %1, %2</source>
        <translation>Erinnerung: %1, %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::AppSettings</name>
    <message>
        <source>Kinlist could not remove %1.</source>
        <translation>Kinlist konnte %1 nicht entfernen.</translation>
    </message>
    <message>
        <source>Your family&apos;s lists, in the tray from login</source>
        <translation>Die Listen deiner Familie, ab der Anmeldung im Infobereich</translation>
    </message>
    <message>
        <source>Kinlist could not write %1: %2</source>
        <translation>Kinlist konnte %1 nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ConnectionStatus</name>
    <message>
        <source>Live</source>
        <extracomment>The connection status: connected, changes arrive as they happen.</extracomment>
        <translation>Live</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Wird verbunden</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Connected. Changes appear on every device at once.</source>
        <translation>Verbunden. Änderungen erscheinen sofort auf allen Geräten.</translation>
    </message>
    <message>
        <source>Connected, catching up.</source>
        <translation>Verbunden, Änderungen werden abgeglichen.</translation>
    </message>
    <message>
        <source>Connecting to the server.</source>
        <translation>Verbindung zum Server wird hergestellt.</translation>
    </message>
    <message>
        <source>Not connected (%1). Your changes are kept on this device and sent when the connection is back.</source>
        <translation>Nicht verbunden (%1). Deine Änderungen bleiben auf diesem Gerät gespeichert und werden gesendet, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Signed out. Sign in again to send your changes.</source>
        <translation>Abgemeldet. Melde dich wieder an, um deine Änderungen zu senden.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n Änderung wartet darauf, gesendet zu werden.</numerusform>
            <numerusform>%n Änderungen warten darauf, gesendet zu werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>Nächster Versuch in %n Sekunde.</numerusform>
            <numerusform>Nächster Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Households</name>
    <message>
        <source>You are offline. This needs a connection to the server.</source>
        <translation>Du bist offline. Dafür ist eine Verbindung zum Server nötig.</translation>
    </message>
    <message>
        <source>That invite code is not valid. It may have expired or been used up; ask for a new one.</source>
        <translation>Dieser Einladungscode ist ungültig. Vielleicht ist er abgelaufen oder schon aufgebraucht; bitte um einen neuen.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait a minute and try again.</source>
        <translation>Zu viele falsche Codes. Warte eine Minute und versuch es dann noch einmal.</translation>
    </message>
    <message>
        <source>The server could not do this (%1). Please try again.</source>
        <translation>Der Server konnte das nicht ausführen (%1). Bitte versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Give your household a name.</source>
        <translation>Gib deinem Haushalt einen Namen.</translation>
    </message>
    <message>
        <source>Enter the invite code you were given.</source>
        <translation>Gib den Einladungscode ein, den du bekommen hast.</translation>
    </message>
    <message>
        <source>You are offline. Making an invite code needs a connection.</source>
        <translation>Du bist offline. Zum Erstellen eines Einladungscodes ist eine Verbindung nötig.</translation>
    </message>
    <message>
        <source>Only an owner of the household can invite people.</source>
        <translation>Nur Eigentümer des Haushalts können Personen einladen.</translation>
    </message>
    <message>
        <source>The server could not make an invite code (%1). Please try again.</source>
        <translation>Der Server konnte keinen Einladungscode erstellen (%1). Bitte versuch es noch einmal.</translation>
    </message>
    <message>
        <source>You are offline. Removing someone needs a connection.</source>
        <translation>Du bist offline. Zum Entfernen einer Person ist eine Verbindung nötig.</translation>
    </message>
    <message>
        <source>Only an owner of the household can remove someone.</source>
        <translation>Nur Eigentümer des Haushalts können Personen entfernen.</translation>
    </message>
    <message>
        <source>The server could not remove them (%1).</source>
        <translation>Das Entfernen ist auf dem Server fehlgeschlagen (%1).</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ItemsModel</name>
    <message>
        <source>done</source>
        <extracomment>A conflict: the value another person gave a field (&quot;Mum set done, you set not done&quot;). &quot;done&quot;: the item is checked off.</extracomment>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>nicht erledigt</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>A conflict: the field was cleared (&quot;Mum set nothing, you set 3&quot;).</extracomment>
        <translation>leer</translation>
    </message>
    <message>
        <source>%1 set %2, you set %3</source>
        <extracomment>A change of this device lost to someone else&apos;s: who, their value, this device&apos;s.</extracomment>
        <translation>%1: %2, du: %3</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>alle %n Tage</numerusform>
            <numerusform>alle %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>every %1</source>
        <extracomment>A weekly task: &quot;every Sat&quot;, &quot;every Mon and Thu&quot;.</extracomment>
        <translation>jeden %1</translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s) on %1</source>
        <extracomment>A task every few weeks: &quot;every 2 weeks on Mon and Thu&quot;.</extracomment>
        <translation>
            <numerusform>alle %n Wochen am %1</numerusform>
            <numerusform>alle %n Wochen am %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n month(s) on day %1</source>
        <translation>
            <numerusform>alle %n Monate am %1.</numerusform>
            <numerusform>alle %n Monate am %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n year(s) on %1 %2</source>
        <translation>
            <numerusform>alle %n Jahre am %1. %2</numerusform>
            <numerusform>alle %n Jahre am %1. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>every day</source>
        <extracomment>How often a task repeats: &quot;every 3 days&quot;.</extracomment>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>every month on day %1</source>
        <extracomment>A monthly task: &quot;every month on day 31&quot; (the month&apos;s last day when shorter).</extracomment>
        <translation>jeden Monat am %1.</translation>
    </message>
    <message>
        <source>every year on %1 %2</source>
        <extracomment>A yearly task: &quot;every year on 6 December&quot; (%1 the day, %2 the month&apos;s name).</extracomment>
        <translation>jedes Jahr am %1. %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Kiosk</name>
    <message>
        <source>This tablet was unpaired from the household. Pair it again with a new code from Settings on a family computer.</source>
        <translation>Dieses Tablet wurde vom Haushalt entkoppelt. Kopple es erneut mit einem neuen Code aus den Einstellungen auf einem Familiencomputer.</translation>
    </message>
    <message>
        <source>You are offline. Pairing a tablet needs a connection.</source>
        <translation>Du bist offline. Zum Koppeln eines Tablets ist eine Verbindung nötig.</translation>
    </message>
    <message>
        <source>Only an owner of the household can pair a kitchen tablet.</source>
        <translation>Nur Eigentümer des Haushalts können ein Küchen-Tablet koppeln.</translation>
    </message>
    <message>
        <source>The server could not make a pairing code (%1). Please try again.</source>
        <translation>Der Server konnte keinen Kopplungscode erstellen (%1). Bitte versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Enter the pairing code from Settings on a family computer, and a name for this tablet.</source>
        <translation>Gib den Kopplungscode aus den Einstellungen eines Familiencomputers und einen Namen für dieses Tablet ein.</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 8 digits. It is needed to leave kiosk mode.</source>
        <translation>Wähle eine PIN mit 4 bis 8 Ziffern. Du brauchst sie, um den Kiosk-Modus zu verlassen.</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Die beiden PINs stimmen nicht überein. Gib zweimal dieselbe PIN ein.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele falsche PINs. Versuch es in %n Sekunde noch einmal.</numerusform>
            <numerusform>Zu viele falsche PINs. Versuch es in %n Sekunden noch einmal.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is not the PIN.</source>
        <translation>Das ist nicht die richtige PIN.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ListEditor</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is already on the list.</source>
        <translation>%1 steht schon auf der Liste.</translation>
    </message>
    <message>
        <source>%1 is already on the list (added by %2, %3).</source>
        <translation>%1 steht schon auf der Liste (hinzugefügt von %2, %3).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Undo bar after &quot;Add 1 more&quot;: the item and its new quantity, e.g. &quot;Milk: 3&quot;, &quot;Milk: 3 l&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 checked off</source>
        <translation>%1 abgehakt</translation>
    </message>
    <message>
        <source>%1 back on the list</source>
        <translation>%1 wieder auf der Liste</translation>
    </message>
    <message>
        <source>%1 renamed</source>
        <translation>%1 umbenannt</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 moved to Other</source>
        <translation>%1 nach „Sonstiges“ verschoben</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 nach „%2“ verschoben</translation>
    </message>
    <message>
        <source>%1 moved</source>
        <translation>%1 verschoben</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>Could not keep your change: %1</source>
        <translation>Deine Änderung konnte nicht übernommen werden: %1</translation>
    </message>
    <message>
        <source>%1 done, next %2</source>
        <extracomment>Undo bar after completing a repeating task: &quot;Take out bins done, next Sat 12 Dec&quot;.</extracomment>
        <translation>%1 erledigt, nächstes Mal %2</translation>
    </message>
    <message>
        <source>Colour of %1 changed</source>
        <translation>Farbe von %1 geändert</translation>
    </message>
    <message>
        <source>%1 unarchived</source>
        <translation>%1 zurückgeholt</translation>
    </message>
    <message>
        <source>%1 archived</source>
        <translation>%1 archiviert</translation>
    </message>
    <message numerus="yes">
        <source>%n done item(s) cleared</source>
        <extracomment>Undo bar after &quot;Clear done items&quot;.</extracomment>
        <translation>
            <numerusform>%n erledigter Eintrag entfernt</numerusform>
            <numerusform>%n erledigte Einträge entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Order of categories changed</source>
        <translation>Reihenfolge der Kategorien geändert</translation>
    </message>
    <message>
        <source>Add %1 more</source>
        <extracomment>The button on &quot;Milk is already on the list&quot;: &quot;Add 1 more&quot;, &quot;Add 2 l more&quot;.</extracomment>
        <translation>%1 mehr dazu</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ScreenKeeper</name>
    <message>
        <source>This desktop offers no way for Kinlist to keep the screen on. Turn the screen saver and power saving off in its settings.</source>
        <translation>Diese Desktopumgebung bietet Kinlist keine Möglichkeit, den Bildschirm eingeschaltet zu lassen. Schalte Bildschirmschoner und Energiesparfunktionen in ihren Einstellungen aus.</translation>
    </message>
    <message>
        <source>The kitchen kiosk is showing the family&apos;s lists</source>
        <translation>Der Küchen-Kiosk zeigt die Listen der Familie an</translation>
    </message>
    <message>
        <source>The screen saver did not agree to stay off (%1).</source>
        <translation>Der Bildschirmschoner ließ sich nicht abschalten (%1).</translation>
    </message>
    <message>
        <source>The screen stays on while the kiosk runs.</source>
        <translation>Der Bildschirm bleibt an, solange der Kiosk läuft.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Session</name>
    <message>
        <source>Kinlist is already open for this account on this computer. Use that window, or close it first.</source>
        <translation>Kinlist ist auf diesem Computer für dieses Konto bereits geöffnet. Verwende das andere Fenster oder schließe es zuerst.</translation>
    </message>
    <message>
        <source>Kinlist cannot open its data on this computer: %1</source>
        <translation>Kinlist kann seine Daten auf diesem Computer nicht öffnen: %1</translation>
    </message>
    <message>
        <source>A change was refused: you are no longer a member of that household.</source>
        <translation>Eine Änderung wurde abgelehnt: Du bist kein Mitglied dieses Haushalts mehr.</translation>
    </message>
    <message>
        <source>A change was refused: the item or list no longer exists.</source>
        <translation>Eine Änderung wurde abgelehnt: Der Eintrag oder die Liste existiert nicht mehr.</translation>
    </message>
    <message>
        <source>A change could not be saved (%1).</source>
        <translation>Eine Änderung konnte nicht gespeichert werden (%1).</translation>
    </message>
    <message>
        <source>Kinlist could not save this change on this computer: %1</source>
        <translation>Kinlist konnte diese Änderung auf diesem Computer nicht speichern: %1</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ToastQueue</name>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 added %2 to %3</source>
        <translation>%1 hat %2 zu „%3“ hinzugefügt</translation>
    </message>
    <message numerus="yes">
        <source>%1 added %n item(s) to %2</source>
        <translation>
            <numerusform>%1 hat %n Eintrag zu „%2“ hinzugefügt</numerusform>
            <numerusform>%1 hat %n Einträge zu „%2“ hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 checked off %2</source>
        <translation>%1 hat %2 abgehakt</translation>
    </message>
    <message numerus="yes">
        <source>%1 checked off %n item(s) on %2</source>
        <translation>
            <numerusform>%1 hat in „%2“ %n Eintrag abgehakt</numerusform>
            <numerusform>%1 hat in „%2“ %n Einträge abgehakt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 put %2 back on %3</source>
        <translation>%1 hat %2 wieder auf „%3“ gesetzt</translation>
    </message>
    <message numerus="yes">
        <source>%1 put %n item(s) back on %2</source>
        <translation>
            <numerusform>%1 hat %n Eintrag wieder auf „%2“ gesetzt</numerusform>
            <numerusform>%1 hat %n Einträge wieder auf „%2“ gesetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 removed %2 from %3</source>
        <translation>%1 hat %2 aus „%3“ entfernt</translation>
    </message>
    <message numerus="yes">
        <source>%1 removed %n item(s) from %2</source>
        <translation>
            <numerusform>%1 hat %n Eintrag aus „%2“ entfernt</numerusform>
            <numerusform>%1 hat %n Einträge aus „%2“ entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed %2 on %3</source>
        <translation>%1 hat %2 in „%3“ geändert</translation>
    </message>
    <message numerus="yes">
        <source>%1 changed %n item(s) on %2</source>
        <translation>
            <numerusform>%1 hat in „%2“ %n Eintrag geändert</numerusform>
            <numerusform>%1 hat in „%2“ %n Einträge geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did %2</source>
        <extracomment>Someone did a repeating task: &quot;Dad did Take out bins&quot;.</extracomment>
        <translation>%1 hat %2 erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%1 did %n task(s) on %2</source>
        <translation>
            <numerusform>%1 hat %n Aufgabe auf %2 erledigt</numerusform>
            <numerusform>%1 hat %n Aufgaben auf %2 erledigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 renamed a list to %2</source>
        <translation>%1 hat eine Liste in %2 umbenannt</translation>
    </message>
    <message>
        <source>%1 archived the list %2</source>
        <translation>%1 hat die Liste %2 archiviert</translation>
    </message>
    <message>
        <source>%1 took the list %2 out of the archive</source>
        <translation>%1 hat die Liste %2 aus dem Archiv geholt</translation>
    </message>
    <message>
        <source>%1 deleted the list %2</source>
        <translation>%1 hat die Liste %2 gelöscht</translation>
    </message>
    <message>
        <source>%1 brought back the list %2</source>
        <translation>%1 hat die Liste %2 wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::TodayModel</name>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Egal wer</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <extracomment>A task that was due on an earlier day: &quot;Overdue since 01/12/2026&quot;.</extracomment>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>A day and a time of day: &quot;Today, 18:00&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Tray</name>
    <message>
        <source>Open Kinlist</source>
        <translation>Kinlist öffnen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Kinlist: %1</source>
        <translation>Kinlist: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf das Senden</numerusform>
            <numerusform>%n Änderungen warten auf das Senden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::UserAccount</name>
    <message>
        <source>This tablet&apos;s pairing was not kept. Pair it again with a new code from Settings on a family computer.</source>
        <translation>Die Kopplung dieses Tablets wurde nicht gespeichert. Koppele es erneut mit einem neuen Code aus den Einstellungen eines Familiencomputers.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again; your changes are kept.</source>
        <translation>Deine Sitzung ist abgelaufen. Bitte melde dich erneut an; deine Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Enter your email address and password.</source>
        <translation>Gib deine E-Mail-Adresse und dein Passwort ein.</translation>
    </message>
    <message>
        <source>Enter your name and email address.</source>
        <translation>Gib deinen Namen und deine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Wähle ein Passwort mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Gib dein Passwort ein.</translation>
    </message>
</context>
<context>
    <name>listcolors</name>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Petrol</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rosa</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Braun</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>No colour</source>
        <translation>Keine Farbe</translation>
    </message>
</context>
</TS>
