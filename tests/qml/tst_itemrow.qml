import QtQuick
import QtTest
import Kinlist

// An item row: check it off with a click or Space, edit the title in place (Enter keeps,
// Escape drops), delete, its sync state and conflict shown, moves by keyboard.
TestCase {
    id: tc
    name: "ItemRow"
    width: 600
    height: 120
    visible: true
    when: windowShown

    Component {
        id: rowComponent
        ItemRow {
            width: 600
            index: 0
            itemId: "item-1"
            title: "Milk"
            done: false
            syncState: "confirmed"
            changedBy: ""
            changedAt: 0
            changeAdded: false
            conflict: ""
            quantity: 2
            unit: "l"
            quantityText: "×2 l"
            category: "Dairy"
            due: undefined
            dueText: ""
            repeat: null
            reminder: null
            repeatText: ""
            assignee: ""
            assigneeName: ""
            overdue: false
        }
    }

    SignalSpy { id: toggledSpy; signalName: "doneToggled" }
    SignalSpy { id: renamedSpy; signalName: "renamed" }
    SignalSpy { id: removedSpy; signalName: "removed" }
    SignalSpy { id: movedSpy; signalName: "moveBy" }
    SignalSpy { id: keepSpy; signalName: "keepMine" }
    SignalSpy { id: dragSpy; signalName: "dragDropped" }

    function make(props) {
        const row = createTemporaryObject(rowComponent, tc, props || {})
        verify(row)
        for (const spy of [toggledSpy, renamedSpy, removedSpy, movedSpy, keepSpy, dragSpy]) {
            spy.target = row
            spy.clear()
        }
        return row
    }

    // "changed by Mum, …" says how long ago, and ages as the page's clock ticks.
    function test_changedByAges() {
        const at = new Date(2026, 11, 5, 9, 30).getTime()
        const row = make({ changedBy: "Mum", changedAt: at, now: at + 20 * 1000 })
        const label = findChild(row, "changedBy")
        verify(label.visible)
        compare(label.text, "changed by Mum, just now")
        row.now = at + 5 * 60 * 1000
        compare(label.text, "changed by Mum, 5 min ago")
        row.now = at + 3 * 3600 * 1000
        // Hours and minutes, never seconds, in any locale's way ("09:30", "9:30 AM").
        verify(/^changed by Mum, at 0?9[:.]30( AM)?$/.test(label.text), label.text)
        row.now = at + 2 * 24 * 3600 * 1000
        compare(label.text, "changed by Mum, on " + new Date(at).toLocaleDateString(Qt.locale(), Locale.ShortFormat))
    }

    // An item someone else added says so, and ages the same way.
    function test_addedBySaysAdded() {
        const at = new Date(2026, 11, 5, 9, 30).getTime()
        const row = make({ changedBy: "Dad", changedAt: at, changeAdded: true, now: at + 1000 })
        const label = findChild(row, "changedBy")
        compare(label.text, "added by Dad, just now")
        row.now = at + 2 * 60 * 1000
        compare(label.text, "added by Dad, 2 min ago")
        row.editing = true
        verify(!label.visible) // the editor takes the line
    }

    // Return on the row asks for its details; Return while renaming only renames.
    function test_returnOpensDetailsButNotWhileRenaming() {
        const row = make()
        const details = createTemporaryObject(detailsSpyComponent, tc, { target: row })
        row.forceActiveFocus()
        keyClick(Qt.Key_Return)
        compare(details.count, 1)
        keyClick(Qt.Key_F2)
        keySequence("ctrl+a")
        keyClick(Qt.Key_B)
        keyClick(Qt.Key_Return)
        compare(renamedSpy.count, 1)
        compare(details.count, 1)
        verify(row.activeFocus)
    }
    Component { id: detailsSpyComponent; SignalSpy { signalName: "detailsRequested" } }

    function test_checkOffByClickAndSpace() {
        const row = make()
        mouseClick(findChild(row, "check"))
        compare(toggledSpy.count, 1)
        compare(toggledSpy.signalArguments[0][0], true)
        row.forceActiveFocus()
        keyClick(Qt.Key_Space)
        compare(toggledSpy.count, 2)
    }

    function test_editInPlace() {
        const row = make()
        row.editing = true
        const editor = findChild(row, "editor")
        verify(editor.visible)
        compare(editor.text, "Milk")
        editor.selectAll()
        keyClick(Qt.Key_O); keyClick(Qt.Key_A); keyClick(Qt.Key_T)
        keyClick(Qt.Key_Return)
        compare(renamedSpy.count, 1)
        compare(renamedSpy.signalArguments[0][0], "oat")
        verify(!row.editing)
        // Escape leaves the title as it was.
        row.editing = true
        keyClick(Qt.Key_X)
        keyClick(Qt.Key_Escape)
        compare(renamedSpy.count, 1)
        verify(!row.editing)
    }

    function test_deleteAndMove() {
        const row = make()
        mouseClick(findChild(row, "delete"))
        compare(removedSpy.count, 1)
        row.forceActiveFocus()
        keyClick(Qt.Key_Delete)
        compare(removedSpy.count, 2)
        keyClick(Qt.Key_Down, Qt.AltModifier)
        compare(movedSpy.count, 1)
        compare(movedSpy.signalArguments[0][0], 1)
    }

    function test_statesShown() {
        let row = make({ syncState: "pending" })
        verify(findChild(row, "syncBadge").visible)
        compare(findChild(row, "syncBadge").text, "waiting to send")
        row = make({ conflict: "Dad set 3, you set 2" })
        verify(findChild(row, "conflict").visible)
        mouseClick(findChild(row, "keepMine"))
        compare(keepSpy.count, 1)
        row = make()
        verify(!findChild(row, "syncBadge").visible)
        verify(findChild(row, "quantity").text.indexOf("2 l") >= 0)
        row = make({ due: "2020-01-01", dueText: "01/01/2020", overdue: true, assigneeName: "Dad" })
        verify(findChild(row, "taskInfo").text.indexOf("overdue") >= 0)
        verify(findChild(row, "taskInfo").text.indexOf("Dad") >= 0)
    }

    function test_dragByTheHandle() {
        const row = make()
        const handle = findChild(row, "dragHandle")
        verify(handle)
        mouseDrag(handle, handle.width / 2, handle.height / 2, 0, 120)
        tryCompare(dragSpy, "count", 1)
        verify(dragSpy.signalArguments[0][0] > 60, "dropped " + dragSpy.signalArguments[0][0] + " px down")
        compare(toggledSpy.count, 0, "a drag does not check the item off")
    }
}
