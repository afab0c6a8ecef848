import QtQuick
import QtTest
import QtQuick.VirtualKeyboard.Settings
import Kinlist

// The kiosk's parts: every touch target at least 48 px, tiles that open, faces that say
// who is tapping (never the tablet itself), the PIN pad, item rows checked off anywhere
// on the row, and cleaning mode swallowing every touch, click and key until it ends.
TestCase {
    id: tc
    name: "Kiosk"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    readonly property int minTarget: 48

    function verifyTarget(item, what) {
        verify(item.width >= minTarget && item.height >= minTarget,
               what + " is " + item.width + "x" + item.height)
    }

    Component { id: tileComponent; KioskTile { name: "Groceries"; kind: "shopping"; openCount: 3 } }
    Component {
        id: avatarComponent
        AvatarRow {
            width: 800
            members: [{ userId: "u-mum", displayName: "Mum", role: "owner" },
                      { userId: "u-dad", displayName: "Dad Smith", role: "member" },
                      { userId: "u-tab", displayName: "Kitchen", role: "kiosk" }]
        }
    }
    Component { id: pinComponent; PinPad {} }
    Component { id: keyboardComponent; KioskKeyboard { width: 1280; height: 800 } }
    Component {
        id: rowComponent
        KioskItemRow {
            width: 700
            itemId: "i1"; title: "Milk"; done: false; quantityText: "×2 l"
            syncState: "confirmed"; changedBy: ""; changedAt: 0; changeAdded: false
            assignee: ""; assigneeName: ""; dueText: ""; repeatText: ""; overdue: false
        }
    }
    Component {
        id: cleaningComponent
        Item {
            id: screen
            width: 600; height: 400
            property int taps: 0
            property int keys: 0
            property alias overlay: overlay
            MouseArea { anchors.fill: parent; onClicked: screen.taps += 1 }
            focus: true
            Keys.onPressed: screen.keys += 1
            CleaningOverlay { id: overlay; anchors.fill: parent; seconds: 2 }
        }
    }

    SignalSpy { id: spy }

    function test_tileOpensAndIsLarge() {
        const tile = createTemporaryObject(tileComponent, tc)
        verifyTarget(tile, "tile")
        compare(findChild(tile, "tileCount").text, "3 to get")
        spy.target = tile; spy.signalName = "opened"; spy.clear()
        mouseClick(tile)
        compare(spy.count, 1)
        tile.openCount = 0
        compare(findChild(tile, "tileCount").text, "All done")
    }

    function test_facesPickWhoIsTapping() {
        const row = createTemporaryObject(avatarComponent, tc)
        verify(findChild(row, "face_Mum"))
        verify(findChild(row, "face_Dad Smith"))
        verify(!findChild(row, "face_Kitchen"), "the tablet is not one of the family")
        const dad = findChild(row, "face_Dad Smith")
        verifyTarget(dad, "face")
        spy.target = row; spy.signalName = "picked"; spy.clear()
        mouseClick(dad)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "u-dad")
        row.selected = "u-dad"
        compare(findChild(row, "who").text, "Changes now count as Dad Smith's")
        mouseClick(dad) // again: nobody
        compare(spy.signalArguments[1][0], "")
    }

    // The on-screen keyboard has the keys of the app's language, and follows a switch.
    function test_keyboardSpeaksTheAppsLanguage() {
        const keyboard = createTemporaryObject(keyboardComponent, tc, { language: "de" })
        verify(keyboard)
        compare(VirtualKeyboardSettings.locale, "de_DE")
        keyboard.language = "fr"
        compare(VirtualKeyboardSettings.locale, "fr_FR")
    }

    function test_pinPad() {
        const pad = createTemporaryObject(pinComponent, tc)
        spy.target = pad; spy.signalName = "submitted"; spy.clear()
        const submit = findChild(pad, "pinSubmit")
        verifyTarget(findChild(pad, "key_5"), "digit key")
        verifyTarget(submit, "submit")
        for (const d of ["2", "4", "6"])
            mouseClick(findChild(pad, "key_" + d))
        compare(pad.pin, "246")
        verify(!submit.enabled, "three digits are not a PIN")
        mouseClick(findChild(pad, "key_9"))
        mouseClick(findChild(pad, "key_back"))
        mouseClick(findChild(pad, "key_8"))
        // Four drawn dots, not the digits.
        const dots = findChild(pad, "dots")
        verify(dots.visible)
        let shown = 0
        for (let i = 0; i < dots.children.length; ++i)
            shown += dots.children[i].objectName === "dot" && dots.children[i].visible ? 1 : 0
        compare(shown, 4)
        verify(submit.enabled)
        mouseClick(submit)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "2468")
        compare(pad.pin, "", "the PIN does not linger")
        // The 0 sits in the middle column, under 8.
        fuzzyCompare(findChild(pad, "key_0").mapToItem(pad, 0, 0).x,
                     findChild(pad, "key_8").mapToItem(pad, 0, 0).x, 1)
    }

    function test_rowChecksOffAnywhere() {
        const row = createTemporaryObject(rowComponent, tc)
        verify(row.height >= 72, "row height " + row.height)
        verifyTarget(findChild(row, "kioskDelete"), "delete button")
        compare(findChild(row, "kioskQuantity").text, "\u00d72 l")
        spy.target = row; spy.signalName = "doneToggled"; spy.clear()
        mouseClick(row, row.width / 2, row.height / 2) // on the title, not a checkbox
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], true)
        spy.signalName = "removed"; spy.clear()
        mouseClick(findChild(row, "kioskDelete"))
        compare(spy.count, 1)
    }

    // A task says whose it is, when it is due and how it repeats; a shopping item says none.
    function test_taskRowSaysWhoWhenAndHowOften() {
        const item = createTemporaryObject(rowComponent, tc)
        verify(!findChild(item, "kioskTaskInfo").visible)
        const task = createTemporaryObject(rowComponent, tc,
                                           { title: "Bins", quantityText: "", assignee: "u1",
                                             assigneeName: "Dad", dueText: "06/12/2026",
                                             repeatText: "every Sun" })
        const info = findChild(task, "kioskTaskInfo")
        verify(info.visible)
        compare(info.text, "Dad \u00b7 due 06/12/2026 \u00b7 every Sun")
        task.overdue = true
        compare(info.text, "Dad \u00b7 overdue since 06/12/2026 \u00b7 every Sun")
    }

    // "changed by Mum, …" on the kiosk ages with the page's clock; waiting to send
    // takes its place while the row's own change is not yet confirmed.
    function test_rowSaysWhoChangedItAndWhen() {
        const at = new Date(2026, 11, 5, 9, 30)
        const row = createTemporaryObject(rowComponent, tc,
                                          { changedBy: "Mum", changedAt: at.getTime(), now: at })
        const label = findChild(row, "kioskChangedBy")
        verify(label.visible)
        compare(label.text, "changed by Mum, just now")
        row.now = new Date(at.getTime() + 10 * 60 * 1000)
        compare(label.text, "changed by Mum, 10 min ago")
        row.changeAdded = true
        compare(label.text, "added by Mum, 10 min ago")
        row.syncState = "pending"
        verify(!label.visible)
    }

    function test_cleaningIgnoresEverythingThenEnds() {
        const screen = createTemporaryObject(cleaningComponent, tc)
        screen.forceActiveFocus()
        mouseClick(screen)
        keyClick(Qt.Key_A)
        compare(screen.taps, 1)
        compare(screen.keys, 1)
        screen.overlay.start()
        verify(screen.overlay.running)
        verify(screen.overlay.visible)
        for (let i = 0; i < 5; ++i)
            mouseClick(screen, 50 + i * 100, 200)
        mousePress(screen, 300, 100); mouseRelease(screen, 300, 100)
        keyClick(Qt.Key_Space)
        keyClick(Qt.Key_Return)
        compare(screen.taps, 1, "touches went through while cleaning")
        compare(screen.keys, 1, "keys went through while cleaning")
        spy.target = screen.overlay; spy.signalName = "finished"; spy.clear()
        spy.wait(5000) // counts down by itself
        verify(!screen.overlay.visible)
        mouseClick(screen)
        compare(screen.taps, 2)
    }
}
