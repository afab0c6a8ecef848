import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Controls.impl
import QtQuick.Layouts
import Kinlist
import "faces.js" as Faces
import "listcolors.js" as ListColors
import "clock.js" as Clock

// The household's lists on the left, the open list on the right; the header shows the
// live connection status.
Page {
    id: page
    required property Session session
    required property UserAccount account
    required property Households households
    required property ListEditor editor
    required property AppSettings settings
    required property Kiosk kiosk

    // An item typed before any list existed, for the list made next.
    property string pendingItem: ""
    // The time now, for rows that say how long ago something happened.
    property double now: Date.now()
    Timer { interval: 20000; running: true; repeat: true; onTriggered: page.now = Date.now() }

    function focusNewItem() { if (!page.showingToday) newItem.forceActiveFocus() }
    function focusLists() { lists.forceActiveFocus() }

    // "Today" in place of the open list: what is due across all the lists.
    property bool showingToday: false
    function showToday() {
        page.showingToday = true
        activityPanel.visible = false
        find.text = ""
        find.visible = false
        drawer.close()
        todayView.forceActiveFocus()
    }
    // Opens a list (from the side bar, Today, a toast), leaving Today.
    function openList(listId) {
        page.editor.openList(listId)
        page.showingToday = false
        drawer.close()
    }
    // Opens a task (a reminder clicked): its list, the task chosen, its details.
    function openItem(listId, itemId) {
        openList(listId)
        if (page.editor.items.rowOf(itemId) < 0)
            return // gone, or a list being read: the list is open
        items.select(itemId)
        const t = page.editor.items.get(itemId)
        details.openFor(itemId, t.title, t.quantity, t.unit, t.category, t.due, t.assignee, t.repeat,
                        t.reminder)
    }

    Shortcut { sequence: "Ctrl+N"; onActivated: page.focusNewItem() }
    Shortcut { sequence: "Ctrl+Shift+N"; onActivated: newListDialog.open() }

    // The menu and dialogs of a list as a whole: rename, colour, archive, delete.
    ListActions { id: listActions; editor: page.editor }

    // An item's details: quantity, unit and category on shopping lists; who and by when
    // on task lists; a note on both.
    Dialog {
        id: details
        objectName: "detailsDialog"
        property string itemId
        anchors.centerIn: parent
        modal: true
        width: Math.min(480, page.width - 24)
        // A custom repeat with turns makes it tall: within the window, it scrolls.
        height: Math.min(implicitHeight, page.height - 24)
        title: qsTr("Details")
        // Buttons of our own, so they speak the chosen language at once.
        footer: DialogButtonBox {
            Button {
                font.capitalization: Font.MixedCase
                objectName: "detailsSave"
                text: qsTr("Save")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                font.capitalization: Font.MixedCase
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        property string assignee // as it was when the details opened
        readonly property bool tasks: page.editor.kind === "tasks"
        // Who a task can be for: the people of the household, not its kitchen tablets.
        readonly property var people: page.households.members.filter(m => m.role !== "kiosk")
        onOpened: {
            titleField.forceActiveFocus()
            page.households.refreshMembers() // someone may have joined since
        }
        property string dueAtOpen // the date as it was when the details opened
        // Remind: when, before a task's time (minutes; null: no reminder).
        readonly property var reminderChoices: [
            { text: qsTr("No reminder"), minutes: null },
            { text: qsTr("At the time"), minutes: 0 },
            { text: qsTr("15 minutes before"), minutes: 15 },
            { text: qsTr("1 hour before"), minutes: 60 },
            { text: qsTr("1 day before"), minutes: 1440 }
        ]
        property var reminder: null // as it was when the details opened
        // The time typed ("19:00", "7.30", "19"), as HH:mm; "" for none, null when it does
        // not read as a time.
        function readTime(text) {
            const t = text.trim()
            if (t.length === 0)
                return ""
            const m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(t)
            if (m && Number(m[1]) < 24 && (m[2] === undefined || Number(m[2]) < 60))
                return (m[1].length < 2 ? "0" : "") + m[1] + ":" + (m[2] === undefined ? "00" : m[2])
            const d = Date.fromLocaleTimeString(Qt.locale(), t, Locale.ShortFormat)
            if (isNaN(d.getTime()))
                return null
            return (d.getHours() < 10 ? "0" : "") + d.getHours() + ":" + (d.getMinutes() < 10 ? "0" : "") + d.getMinutes()
        }
        function openFor(id, title, quantity, unit, category, due, assignee, repeat, reminder) {
            itemId = id
            titleField.text = title
            quantityField.text = typeof quantity === "number"
                ? String(quantity).replace(".", Qt.locale().decimalPoint) : ""
            unitField.text = unit
            categoryField.text = category
            dueField.isoDate = typeof due === "string" ? due.slice(0, 10) : ""
            dueField.show()
            // The time as the locale writes it ("19:00", "7:00 PM").
            timeField.text = typeof due === "string" && due.length > 10
                ? Clock.time(new Date(Number(due.slice(0, 4)), Number(due.slice(5, 7)) - 1,
                                      Number(due.slice(8, 10)), Number(due.slice(11, 13)),
                                      Number(due.slice(14, 16))))
                : ""
            timeField.valid = true
            details.reminder = typeof reminder === "number" ? reminder : null
            reminderBox.currentIndex = reminderChoices.findIndex(c => c.minutes === details.reminder)
            const people = details.people
            details.assignee = typeof assignee === "string" ? assignee : ""
            assigneeBox.chosen = details.assignee
            assigneeBox.showChosen()
            assigneeBox.keep = details.assignee.length > 0 && assigneeBox.currentIndex === 0
            details.dueAtOpen = dueField.isoDate
            repeatEditor.load(repeat)
            open()
        }
        onAccepted: {
            const people = details.people
            const fields = { title: titleField.text }
            if (tasks) {
                if (!dueField.parse()) {
                    open() // a date that does not read as one: say so, keep the rest
                    return
                }
                const time = readTime(timeField.text)
                if (time === null) {
                    timeField.valid = false
                    open() // a time that does not read as one
                    return
                }
                // A time without a day: today's.
                if (time.length > 0 && dueField.isoDate.length === 0)
                    dueField.isoDate = dueField.iso(new Date().getFullYear(), new Date().getMonth() + 1,
                                                    new Date().getDate())
                fields.due = dueField.isoDate.length > 0 && time.length > 0
                    ? dueField.isoDate + "T" + time : dueField.isoDate
                // A reminder needs a time; one of its own (not offered) stays as it is.
                fields.reminder = time.length === 0 ? ""
                    : reminderBox.currentIndex < 0 ? details.reminder
                    : reminderBox.currentIndex === 0 ? "" : reminderChoices[reminderBox.currentIndex].minutes
                // Someone no longer offered (gone from the household) stays unless changed.
                fields.assignee = assigneeBox.currentIndex > 0 ? people[assigneeBox.currentIndex - 1].userId
                                : assigneeBox.keep ? details.assignee : ""
                // The rule as chosen, on the date as saved; untouched, it stays as it is.
                if (repeatEditor.touched || dueField.isoDate !== details.dueAtOpen) {
                    const rule = repeatEditor.rule()
                    fields.repeat = rule || ""
                    // Turns start with whoever has the task, else with the first of them.
                    if (rule && rule.rotation && rule.rotation.indexOf(fields.assignee) < 0)
                        fields.assignee = rule.rotation[0]
                }
            } else {
                fields.quantity = quantityField.text
                fields.unit = unitField.text
                fields.category = categoryField.text
            }
            page.editor.updateItem(itemId, fields)
        }
        Flickable {
            id: detailsScroll
            objectName: "detailsScroll"
            anchors.fill: parent
            implicitWidth: detailsGrid.implicitWidth
            implicitHeight: detailsGrid.implicitHeight
            contentHeight: detailsGrid.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                id: detailsBar
                policy: detailsScroll.contentHeight > detailsScroll.height + 1
                        ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            }
            // The field the keyboard moves to scrolls into sight.
            readonly property Item focusItem: Window.activeFocusItem
            onFocusItemChanged: {
                let inside = false
                for (let it = focusItem; it && !inside; it = it.parent)
                    inside = it === detailsGrid
                if (!inside)
                    return
                const top = focusItem.mapToItem(detailsGrid, 0, 0).y
                if (top < contentY)
                    contentY = Math.max(0, top - 8)
                else if (top + focusItem.height > contentY + height)
                    contentY = Math.min(contentHeight - height, top + focusItem.height - height + 8)
            }
            GridLayout {
                id: detailsGrid
                width: detailsScroll.width - (detailsBar.policy === ScrollBar.AlwaysOn ? detailsBar.width : 0)
                columns: 2
                Label { text: qsTr("Title") }
                TextField { id: titleField; objectName: "detailsTitle"; Layout.fillWidth: true; Accessible.name: qsTr("Title"); onAccepted: details.accept() }
                Label { text: qsTr("Quantity"); visible: !details.tasks }
                TextField {
                    id: quantityField; visible: !details.tasks; Layout.fillWidth: true
                    validator: DoubleValidator { bottom: 0; top: 1000000 }
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    Accessible.name: qsTr("Quantity")
                    onAccepted: details.accept()
                }
                Label { text: qsTr("Unit"); visible: !details.tasks }
                TextField { id: unitField; visible: !details.tasks; Layout.fillWidth: true; placeholderText: qsTr("e.g. kg"); Accessible.name: qsTr("Unit"); onAccepted: details.accept() }
                Label { text: qsTr("Category"); visible: !details.tasks }
                TextField { id: categoryField; visible: !details.tasks; Layout.fillWidth: true; placeholderText: qsTr("e.g. Dairy"); Accessible.name: qsTr("Category"); onAccepted: details.accept() }
                Label { text: qsTr("Who"); visible: details.tasks }
                ComboBox {
                    id: assigneeBox; visible: details.tasks; Layout.fillWidth: true
                    property bool keep: false // the task's person is not among those offered
                    // The person shown, kept when the members come anew (a new model would
                    // otherwise show "Anyone", and Save would take the person away).
                    property string chosen: ""
                    function showChosen() { currentIndex = 1 + details.people.findIndex(m => m.userId === chosen) }
                    onActivated: {
                        keep = false
                        chosen = currentIndex > 0 ? details.people[currentIndex - 1].userId : ""
                    }
                    onModelChanged: Qt.callLater(showChosen)
                    model: [qsTr("Anyone")].concat(details.people.map(m => m.displayName))
                    Accessible.name: qsTr("Assigned to")
                }
                Label { text: qsTr("Due"); visible: details.tasks }
                DateField {
                    id: dueField
                    visible: details.tasks
                    Layout.fillWidth: true
                    onAccepted: details.accept()
                }
                Label { text: qsTr("Time"); visible: details.tasks }
                TextField {
                    id: timeField
                    objectName: "dueTime"
                    visible: details.tasks
                    Layout.fillWidth: true
                    property bool valid: true
                    //: The time field of a task's details; %1 is an example time.
                    placeholderText: qsTr("All day, or e.g. %1")
                        .arg(Clock.time(new Date(2000, 0, 1, 19, 0)))
                    color: valid ? Material.foreground : "#d64545"
                    onTextEdited: valid = details.readTime(text) !== null
                    Accessible.name: qsTr("Time")
                    onAccepted: details.accept()
                }
                Label { text: qsTr("Remind me"); visible: details.tasks }
                ComboBox {
                    id: reminderBox
                    objectName: "detailsReminder"
                    visible: details.tasks
                    enabled: timeField.text.trim().length > 0
                    Layout.fillWidth: true
                    model: details.reminderChoices.map(c => c.text)
                    // A reminder of its own (set by another app): its minutes until changed.
                    displayText: !enabled ? qsTr("Needs a time")
                               : currentIndex < 0 ? qsTr("%n minute(s) before", "", details.reminder || 0)
                               : currentText
                    Accessible.name: qsTr("Remind me")
                }
                Label {
                    text: qsTr("Repeats")
                    visible: details.tasks
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 14 // level with the choice's words
                }
                RepeatEditor {
                    id: repeatEditor
                    visible: details.tasks
                    Layout.fillWidth: true
                    people: details.people
                    dueIso: dueField.isoDate
                    assignee: assigneeBox.chosen
                }
            }
        }
    }

    // A new list: its name and its kind, shopping (quantities, grouped by category) or tasks
    // (who does it, by when).
    Dialog {
        id: newListDialog
        objectName: "newListDialog"
        property string kind: "shopping"
        anchors.centerIn: parent
        modal: true
        width: Math.min(420, page.width - 24)
        title: qsTr("New list")
        footer: DialogButtonBox {
            Button {
                font.capitalization: Font.MixedCase
                objectName: "newListCreate"
                text: qsTr("Create")
                enabled: newListName.text.trim().length > 0
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                font.capitalization: Font.MixedCase
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAboutToShow: { newListName.text = ""; kind = "shopping" }
        onOpened: newListName.forceActiveFocus()
        onAccepted: {
            if (newListName.text.trim().length === 0)
                return
            page.households.createList(newListName.text.trim(), kind)
            page.showingToday = false // the new list opens
            if (page.pendingItem.length > 0) {
                items.adding = true
                page.editor.addItem(page.pendingItem)
                items.adding = false
                newItem.text = ""
            }
            page.pendingItem = ""
        }
        onRejected: page.pendingItem = ""
        // Then straight on to its first item.
        onClosed: if (page.editor.listId.length > 0) newItem.forceActiveFocus()
        ColumnLayout {
            width: parent.width
            spacing: 4
            TextField {
                id: newListName
                objectName: "newListName"
                Layout.fillWidth: true
                placeholderText: qsTr("Name, e.g. Groceries")
                Accessible.name: qsTr("Name of the new list")
                onAccepted: if (text.trim().length > 0) newListDialog.accept()
            }
            RadioButton {
                objectName: "kindShopping"
                text: qsTr("Shopping list: quantities, grouped by category")
                checked: newListDialog.kind === "shopping"
                onClicked: newListDialog.kind = "shopping"
                Keys.onReturnPressed: newListDialog.accept()
            }
            RadioButton {
                objectName: "kindTasks"
                text: qsTr("Tasks: who does it, and by when")
                checked: newListDialog.kind === "tasks"
                onClicked: newListDialog.kind = "tasks"
                Keys.onReturnPressed: newListDialog.accept()
            }
        }
    }

    SettingsDialog {
        id: settingsDialog
        session: page.session
        account: page.account
        households: page.households
        settings: page.settings
        kiosk: page.kiosk
        anchors.centerIn: parent
        onInviteRequested: { page.households.createInvite(); inviteDialog.open() }
    }

    Dialog {
        id: inviteDialog
        objectName: "inviteDialog"
        anchors.centerIn: parent
        modal: true
        title: qsTr("Invite someone to %1").arg(page.households.currentName)
        // Buttons of our own, so they speak the chosen language at once.
        footer: DialogButtonBox {
            Button {
                font.capitalization: Font.MixedCase
                text: qsTr("Close")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        ColumnLayout {
            spacing: 12
            Label {
                text: qsTr("On their device, they choose \"Join with an invite code\" and type:")
                wrapMode: Text.WordWrap
                Layout.preferredWidth: 360
            }
            Label {
                objectName: "inviteCode"
                Layout.alignment: Qt.AlignHCenter
                text: page.households.inviteCode.length > 0 ? page.households.inviteCode
                      : page.session.error.length > 0 ? "" : qsTr("Making a code…")
                font.pixelSize: 34
                font.letterSpacing: 4
                font.family: "monospace"
            }
            Label {
                visible: page.session.error.length > 0
                text: page.session.error
                color: "#d64545"
                wrapMode: Text.WordWrap
                Layout.preferredWidth: 360
            }
            Label {
                text: qsTr("The code works for 24 hours, for up to 5 people.")
                opacity: 0.7
            }
        }
    }
    Shortcut { sequence: "Ctrl+L"; onActivated: page.focusLists() }
    Shortcut { sequence: "Ctrl+T"; onActivated: page.showToday() }
    // Escape closes the activity panel when nothing nearer took it (a rename, Find and the
    // duplicate question each take their Escape first).
    Keys.onEscapePressed: (event) => {
        event.accepted = activityPanel.visible
        activityPanel.visible = false
    }
    Shortcut { sequences: [StandardKey.Undo]; onActivated: page.editor.undo() }
    function openFind() {
        if (page.showingToday)
            return
        find.visible = true
        find.forceActiveFocus()
    }
    Shortcut { sequences: [StandardKey.Find]; onActivated: page.openFind() }

    // The undo bar shows for a few seconds after each change that can be taken back.
    Timer { id: undoTimer; interval: 5000 }
    Connections {
        target: page.editor
        function onUndoChanged() { if (page.editor.undoText.length > 0) undoTimer.restart() }
    }

    // Narrow windows (a phone-sized window, a window beside another): the side bar is a
    // drawer, opened by the button at the start of the header.
    readonly property bool narrow: width < 760
    onNarrowChanged: if (!narrow) drawer.close()
    Drawer {
        id: drawer
        objectName: "drawer"
        width: Math.min(300, page.width * 0.85)
        height: page.height
        interactive: page.narrow
        padding: 0
    }

    // ---- side bar (in the page, or in the drawer when narrow) ----
    Pane {
        id: sideBar
        objectName: "sideBar"
        parent: page.narrow ? drawer.contentItem : sideSlot
        anchors.fill: parent
        padding: 0
        Material.background: Material.theme === Material.Dark ? "#1f2326" : "#f3f5f4"

        ColumnLayout {
            anchors.fill: parent
            spacing: 0
            Label {
                visible: page.households.all.length <= 1
                Layout.fillWidth: true
                Layout.margins: 16
                Layout.bottomMargin: 8
                text: page.households.currentName
                font.pixelSize: 18
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            // More than one household: switch between them here.
            ComboBox {
                objectName: "households"
                visible: page.households.all.length > 1
                Layout.fillWidth: true
                Layout.margins: 8
                model: page.households.all.map(h => h.name)
                currentIndex: page.households.all.findIndex(h => h.id === page.households.currentId)
                onActivated: (i) => page.households.currentId = page.households.all[i].id
                Accessible.name: qsTr("Household")
            }
            ItemDelegate {
                id: todayButton
                objectName: "todayButton"
                Layout.fillWidth: true
                highlighted: page.showingToday
                text: qsTr("Today")
                icon.source: "qrc:/icons/adwaita/x-office-calendar-symbolic.svg"
                onClicked: page.showToday()
                Accessible.name: page.households.today.dueNow > 0
                                 ? qsTr("Today, %n due", "", page.households.today.dueNow)
                                 : qsTr("Today")
                Accessible.description: qsTr("What is due across all lists (Ctrl+T)")
                contentItem: RowLayout {
                    spacing: 12
                    IconImage {
                        source: todayButton.icon.source
                        sourceSize: Qt.size(16, 16)
                        color: todayButton.Material.foreground
                        opacity: 0.7
                    }
                    Label { text: todayButton.text; Layout.fillWidth: true; font.weight: Font.DemiBold }
                    Label {
                        objectName: "todayCount"
                        visible: page.households.today.dueNow > 0
                        text: page.households.today.dueNow
                        opacity: 0.6
                    }
                }
            }
            Rectangle { Layout.fillWidth: true; Layout.leftMargin: 16; Layout.rightMargin: 16; height: 1; color: Material.dividerColor }
            ListView {
                id: lists
                objectName: "lists"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: page.households.lists
                // The open list is the current row, also when the rows are made anew; the
                // keyboard can move it elsewhere (and a moved list stays current).
                function showOpenList() { currentIndex = page.households.lists.rowOf(page.editor.listId) }
                Component.onCompleted: showOpenList()
                Connections {
                    target: page.editor
                    function onListChanged() { lists.showOpenList() }
                }
                Connections {
                    target: page.households.lists
                    function onModelReset() { lists.showOpenList() }
                }
                keyNavigationEnabled: true
                activeFocusOnTab: true
                // From the lists, Tab goes on to the open list, not to the buttons below.
                KeyNavigation.tab: newItem
                // Return or Space opens the list the keyboard is on.
                Keys.onReturnPressed: if (currentItem) currentItem.choose()
                Keys.onEnterPressed: if (currentItem) currentItem.choose()
                Keys.onSpacePressed: if (currentItem) currentItem.choose()
                Accessible.name: qsTr("Lists")
                // While a list is dragged by its handle: the row it would take (-1: none).
                property int dropRow: -1
                property int dragFrom: -1
                function rowAt(contentY) {
                    const i = lists.indexAt(8, contentY)
                    return i >= 0 ? i : (contentY < 0 ? 0 : lists.count - 1)
                }
                // Keeps the keyboard on a list that moved.
                function select(id) {
                    currentIndex = page.households.lists.rowOf(id)
                    forceActiveFocus()
                }
                Rectangle {
                    objectName: "listDropLine"
                    visible: lists.dropRow >= 0
                    readonly property Item target: lists.dropRow >= 0 ? lists.itemAtIndex(lists.dropRow) : null
                    x: 8
                    width: lists.width - 16
                    height: 3
                    radius: 1.5
                    color: "#2e8b74"
                    z: 10
                    y: target ? target.y + (lists.dropRow > lists.dragFrom ? target.height : 0) - 1 : 0
                }
                delegate: ItemDelegate {
                    id: listRow
                    objectName: "listRow"
                    required property int index
                    required property string listId
                    required property string name
                    required property string kind
                    required property string color
                    required property int openCount
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem && !page.showingToday
                    text: name
                    icon.source: kind === "tasks" ? "qrc:/icons/adwaita/checkbox-checked-symbolic.svg"
                                                  : "qrc:/icons/adwaita/view-list-bullet-symbolic.svg"
                    Accessible.role: Accessible.ListItem
                    Accessible.name: (kind === "tasks"
                        ? qsTr("%1, %n to do", "a task list and how many tasks are open", openCount)
                        : qsTr("%1, %n open", "a list and how many items are not done", openCount)).arg(name)
                    Accessible.description: qsTr("Alt+Up and Alt+Down move it, the Menu key opens its menu")
                    function choose() { page.openList(listId) }
                    onClicked: choose()
                    Keys.onReturnPressed: choose()
                    // Alt+Up/Down move the list; the Menu key (or Shift+F10) opens its menu.
                    Keys.onPressed: (event) => {
                        // (Held here: a move remakes the rows, this one with them.)
                        const id = listId
                        const view = lists
                        if ((event.modifiers & Qt.AltModifier) && (event.key === Qt.Key_Up || event.key === Qt.Key_Down)) {
                            page.editor.moveListBy(id, event.key === Qt.Key_Up ? -1 : 1)
                            view.select(id)
                            event.accepted = true
                        } else if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
                            listActions.openMenu(id, listRow)
                            event.accepted = true
                        }
                    }
                    TapHandler {
                        acceptedButtons: Qt.RightButton
                        onTapped: listActions.openMenu(listRow.listId, null)
                    }
                    contentItem: RowLayout {
                        spacing: 12
                        IconImage {
                            objectName: "listIcon"
                            source: listRow.icon.source
                            sourceSize: Qt.size(16, 16)
                            color: listRow.color ? ListColors.color(listRow.color, listRow.Material.theme === Material.Dark)
                                                 : listRow.Material.foreground
                            opacity: listRow.color ? 1 : 0.7
                        }
                        Label { text: listRow.name; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { text: listRow.openCount > 0 ? listRow.openCount : ""; opacity: 0.6 }
                        // Drag by the handle to put the list elsewhere in the side bar.
                        IconImage {
                            objectName: "listDragHandle"
                            source: "qrc:/icons/adwaita/list-drag-handle-symbolic.svg"
                            sourceSize: Qt.size(16, 16)
                            color: listRow.Material.foreground
                            opacity: listRow.hovered || listDrag.pressed ? 0.6 : 0
                            Layout.preferredWidth: 18
                            Layout.fillHeight: true
                            fillMode: Image.Pad
                            Accessible.role: Accessible.Grip
                            Accessible.name: qsTr("Drag to move %1 (or Alt+Up and Alt+Down)").arg(listRow.name)
                            MouseArea {
                                id: listDrag
                                anchors.fill: parent
                                anchors.margins: -4
                                preventStealing: true
                                cursorShape: pressed ? Qt.ClosedHandCursor : Qt.OpenHandCursor
                                property real startY: 0
                                property bool moved: false
                                onPressed: (mouse) => { startY = mouse.y; moved = false }
                                onPositionChanged: (mouse) => {
                                    moved = moved || Math.abs(mouse.y - startY) > 8
                                    if (moved) {
                                        lists.dragFrom = listRow.index
                                        lists.dropRow = lists.rowAt(listRow.y + listRow.height / 2 + mouse.y - startY)
                                    }
                                }
                                onReleased: (mouse) => {
                                    if (!moved)
                                        return
                                    const to = lists.rowAt(listRow.y + listRow.height / 2 + mouse.y - startY)
                                    const id = listRow.listId
                                    const view = lists
                                    view.dropRow = -1
                                    page.editor.moveList(id, to)
                                    view.select(id)
                                }
                                onCanceled: lists.dropRow = -1
                            }
                        }
                    }
                }
            }
            // Lists put away: out of the way, a click opens one.
            ItemDelegate {
                id: archivedToggle
                objectName: "archivedToggle"
                visible: archivedRepeater.count > 0
                Layout.fillWidth: true
                checkable: true
                text: qsTr("Archived (%1)").arg(archivedRepeater.count)
                icon.source: "qrc:/icons/adwaita/package-x-generic-symbolic.svg"
                icon.width: 16
                icon.height: 16
                opacity: 0.8
                Accessible.name: checked ? qsTr("Hide the archived lists") : qsTr("Show the archived lists")
            }
            Repeater {
                id: archivedRepeater
                model: page.households.archivedLists
                delegate: ItemDelegate {
                    required property string listId
                    required property string name
                    objectName: "archivedList"
                    visible: archivedToggle.checked
                    Layout.fillWidth: true
                    leftPadding: 44
                    text: name
                    highlighted: listId === page.editor.listId && !page.showingToday
                    opacity: 0.75
                    Accessible.name: qsTr("%1 (archived)").arg(name)
                    onClicked: page.openList(listId)
                    TapHandler {
                        acceptedButtons: Qt.RightButton
                        onTapped: listActions.openMenu(listId, null)
                    }
                }
            }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "newListButton"
                Layout.fillWidth: true
                Layout.margins: 8
                text: qsTr("New list")
                icon.source: "qrc:/icons/adwaita/list-add-symbolic.svg"
                onClicked: newListDialog.open()
                Accessible.name: qsTr("Make a new list")
            }
            RowLayout {
                id: sideButtons
                Layout.fillWidth: true
                Layout.leftMargin: 8
                Layout.rightMargin: 8
                Layout.bottomMargin: 4
                // Longer words ("Einstellungen") go under their icons rather than be cut.
                readonly property bool roomy: Math.max(inviteWords.advanceWidth, settingsWords.advanceWidth)
                                              + inviteButton.icon.width + inviteButton.spacing
                                              + inviteButton.leftPadding + inviteButton.rightPadding
                                              <= (width - spacing) / 2
                TextMetrics { id: inviteWords; font: inviteButton.font; text: inviteButton.text }
                TextMetrics { id: settingsWords; font: settingsButton.font; text: settingsButton.text }
                Button {
                    id: inviteButton
                    font.capitalization: Font.MixedCase
                    objectName: "invite"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1 // (the two share the width evenly)
                    display: sideButtons.roomy ? AbstractButton.TextBesideIcon : AbstractButton.TextUnderIcon
                    flat: true
                    text: qsTr("Invite")
                    icon.source: "qrc:/icons/adwaita/contact-new-symbolic.svg"
                    onClicked: { page.households.createInvite(); inviteDialog.open() }
                    Accessible.name: qsTr("Invite someone")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Invite someone to %1").arg(page.households.currentName)
                }
                Button {
                    id: settingsButton
                    font.capitalization: Font.MixedCase
                    objectName: "settings"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    display: inviteButton.display
                    flat: true
                    text: qsTr("Settings")
                    icon.source: "qrc:/icons/adwaita/emblem-system-symbolic.svg"
                    onClicked: settingsDialog.open()
                }
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Item {
            id: sideSlot
            visible: !page.narrow
            Layout.preferredWidth: 260
            Layout.fillHeight: true
        }
        Rectangle { visible: !page.narrow; Layout.fillHeight: true; width: 1; color: Material.dividerColor }

        // ---- the open list ----
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ToolBar {
                Layout.fillWidth: true
                Material.background: Material.theme === Material.Dark ? "#23282b" : "#ffffff"
                Material.elevation: 1
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: page.narrow ? 4 : 20
                    anchors.rightMargin: page.narrow ? 4 : 12
                    spacing: page.narrow ? 0 : 4
                    ToolButton {
                        objectName: "menuButton"
                        visible: page.narrow
                        icon.source: "qrc:/icons/adwaita/sidebar-show-symbolic.svg"
                        display: AbstractButton.IconOnly
                        text: qsTr("Lists")
                        onClicked: drawer.open()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Show the lists")
                        Accessible.name: qsTr("Show the lists")
                    }
                    Rectangle {
                        objectName: "listColor"
                        visible: page.editor.color.length > 0 && !page.showingToday
                        width: 12; height: 12; radius: 6
                        Layout.rightMargin: 6
                        color: ListColors.color(page.editor.color, Material.theme === Material.Dark)
                    }
                    Label {
                        objectName: "listTitle"
                        Layout.fillWidth: true
                        Layout.minimumWidth: 60
                        text: page.showingToday ? qsTr("Today") : (page.editor.name || qsTr("No list yet"))
                        font.pixelSize: 20
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    // An archived list opened from the side bar: it says so, and comes back in one click.
                    Button {
                        objectName: "unarchive"
                        visible: page.editor.archived && !page.showingToday
                        flat: true
                        font.capitalization: Font.MixedCase
                        text: page.narrow ? qsTr("Unarchive") : qsTr("Archived: take it out")
                        icon.source: "qrc:/icons/adwaita/package-x-generic-symbolic.svg"
                        onClicked: page.editor.setListArchived(page.editor.listId, false)
                        Accessible.name: qsTr("This list is archived. Take it out of the archive")
                    }
                    // Who else is looking at this list right now.
                    // Today: only what the user is to do.
                    Switch {
                        objectName: "mineOnly"
                        visible: page.showingToday
                        text: qsTr("Only mine")
                        checked: page.households.today.mine
                        onToggled: page.households.today.mine = checked
                    }
                    Row {
                        objectName: "faces"
                        visible: !page.showingToday
                        spacing: -6
                        Repeater {
                            model: page.editor.presence
                            delegate: Rectangle {
                                required property var modelData
                                width: 30; height: 30; radius: 15
                                color: Faces.color(modelData.userId)
                                border.color: Material.background
                                border.width: 2
                                Accessible.role: Accessible.StaticText
                                Accessible.name: qsTr("%1 is looking at this list").arg(modelData.name)
                                Label {
                                    anchors.centerIn: parent
                                    text: modelData.initials
                                    color: "white"
                                    font.pixelSize: 12
                                    font.weight: Font.DemiBold
                                }
                                HoverHandler { id: faceHover }
                                ToolTip.visible: faceHover.hovered
                                ToolTip.text: qsTr("%1 (%2)").arg(modelData.name).arg(modelData.devices.join(", "))
                            }
                        }
                    }
                    ToolButton {
                        objectName: "findButton"
                        visible: page.editor.listId.length > 0 && !page.narrow && !page.showingToday
                        icon.source: "qrc:/icons/adwaita/edit-find-symbolic.svg"
                        display: AbstractButton.IconOnly
                        text: qsTr("Find")
                        onClicked: page.openFind()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Find on this list (Ctrl+F)")
                        Accessible.name: qsTr("Find on this list")
                    }
                    ToolButton {
                        objectName: "activityButton"
                        visible: page.editor.listId.length > 0 && !page.showingToday
                        icon.source: "qrc:/icons/adwaita/document-open-recent-symbolic.svg"
                        display: AbstractButton.IconOnly
                        text: qsTr("Activity")
                        checkable: true
                        checked: activityPanel.visible
                        onToggled: activityPanel.visible = checked
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Who did what (Esc closes)")
                        Accessible.name: qsTr("Show the activity of this list")
                    }
                    ToolButton {
                        objectName: "mute"
                        visible: page.editor.listId.length > 0 && !page.showingToday
                        icon.source: page.editor.muted
                                     ? "qrc:/icons/adwaita/notifications-disabled-symbolic.svg"
                                     : "qrc:/icons/adwaita/preferences-system-notifications-symbolic.svg"
                        display: AbstractButton.IconOnly
                        text: page.editor.muted ? qsTr("Muted") : qsTr("Mute")
                        checkable: true
                        checked: page.editor.muted
                        onToggled: page.editor.muted = checked
                        ToolTip.visible: hovered
                        ToolTip.text: page.editor.muted
                                      ? qsTr("Notifications for this list are off")
                                      : qsTr("Notify me of others' changes to this list")
                        Accessible.name: page.editor.muted ? qsTr("Unmute this list")
                                                                       : qsTr("Mute this list")
                    }
                    ToolButton {
                        id: listMenuButton
                        objectName: "listMenuButton"
                        visible: page.editor.listId.length > 0 && !page.showingToday
                        icon.source: "qrc:/icons/adwaita/view-more-symbolic.svg"
                        display: AbstractButton.IconOnly
                        text: qsTr("List menu")
                        onClicked: listActions.openMenu(page.editor.listId, listMenuButton)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Rename, colour, archive or delete this list")
                        Accessible.name: qsTr("Menu of this list")
                    }
                    StatusIndicator {
                        objectName: "status"
                        // Waiting for the password (see the bar below): signed out.
                        connectionState: page.account.passwordNeeded ? "signedout"
                                                                     : page.session.status.state
                        label: page.account.passwordNeeded ? qsTr("Signed out") : page.session.status.label
                        detail: page.account.passwordNeeded
                                ? qsTr("Not signed in on this computer. Your changes are kept here and sent once you sign in.")
                                : page.session.status.detail
                        pendingCount: page.session.status.pendingCount
                        canRetry: page.session.status.canRetry && !page.account.passwordNeeded
                        onRetryRequested: page.session.status.retryNow()
                    }
                }
            }

            // Opened from this computer's data without a kept sign-in: everything works
            // here; the password is asked for once the server answers.
            Pane {
                objectName: "passwordBar"
                visible: page.account.passwordNeeded
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 8
                padding: 10
                Material.background: Material.theme === Material.Dark ? "#23323a" : "#e8f1f8"
                RowLayout {
                    width: parent.width
                    spacing: 8
                    Label {
                        objectName: "passwordReason"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: page.account.serverReachable
                              ? qsTr("Enter the password of %1 to send your changes and get the family's.").arg(page.account.email)
                              : qsTr("Not signed in and the server is not answering. You can read and change your lists; Kinlist asks for your password when the server is back.")
                    }
                    // (Only for an account signed in before its email was remembered.)
                    TextField {
                        id: unlockEmail
                        objectName: "unlockEmail"
                        visible: page.account.serverReachable && page.account.email.length === 0
                        Layout.preferredWidth: 200
                        placeholderText: qsTr("Email address")
                        Accessible.name: qsTr("Email address")
                        inputMethodHints: Qt.ImhEmailCharactersOnly
                    }
                    TextField {
                        id: unlockPassword
                        objectName: "unlockPassword"
                        visible: page.account.serverReachable
                        Layout.preferredWidth: 200
                        echoMode: TextInput.Password
                        placeholderText: qsTr("Password")
                        Accessible.name: qsTr("Password")
                        onAccepted: unlockButton.clicked()
                    }
                    Button {
                        id: unlockButton
                        font.capitalization: Font.MixedCase
                        objectName: "unlock"
                        visible: page.account.serverReachable
                        enabled: !page.session.busy
                        highlighted: true
                        Material.elevation: 0 // flat: drawn by every renderer, software too
                        // (Not the bar's own light background, which the style would pass on.)
                        Material.background: Material.accent
                        text: qsTr("Sign in")
                        onClicked: {
                            page.account.unlock(unlockPassword.text, unlockEmail.text)
                            unlockPassword.text = ""
                        }
                    }
                }
            }
            Label {
                objectName: "sessionError"
                visible: page.account.passwordNeeded && page.session.error.length > 0
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                text: page.session.error
                color: "#d64545"
                wrapMode: Text.WordWrap
            }

            TextField {
                id: find
                objectName: "find"
                visible: false
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 8
                placeholderText: qsTr("Find on this list (Esc to close)")
                Accessible.name: qsTr("Find items")
                onTextChanged: page.editor.items.filter = text
                Keys.onEscapePressed: { text = ""; visible = false; newItem.forceActiveFocus() }
            }

            TextField {
                id: newItem
                objectName: "newItem"
                visible: !page.showingToday
                Layout.fillWidth: true
                Layout.margins: 16
                placeholderText: page.editor.listId.length > 0
                                 ? qsTr("Add an item and press Enter")
                                 : qsTr("Type the first item, then name its list")
                Accessible.name: qsTr("New item")
                function add(typed) {
                    suggestions.close()
                    // Enter again on "Milk is already on the list": add one more of it (or
                    // what was typed: "2 l milk").
                    if (typed.trim().length === 0 && page.editor.duplicateText.length > 0) {
                        page.editor.addMore()
                        return
                    }
                    if (typed.trim().length === 0)
                        return
                    // No list yet: what was typed waits for the list made now.
                    if (page.editor.listId.length === 0) {
                        page.pendingItem = typed
                        newListDialog.open()
                        return
                    }
                    items.adding = true
                    page.editor.addItem(typed)
                    items.adding = false
                    text = ""
                    forceActiveFocus() // the next item is typed here (after a click too)
                }
                // Enter adds the suggestion chosen with the arrow keys, else what is typed.
                onAccepted: add(suggestions.visible && suggestions.current >= 0
                                ? suggestions.entries[suggestions.current].text : text)
                onTextEdited: suggestions.update()
                Keys.onDownPressed: (event) => {
                    event.accepted = suggestions.visible
                    if (suggestions.visible)
                        suggestions.current = Math.min(suggestions.current + 1, suggestions.entries.length - 1)
                }
                Keys.onUpPressed: (event) => {
                    event.accepted = suggestions.visible
                    if (suggestions.visible)
                        suggestions.current = Math.max(suggestions.current - 1, -1)
                }
                Keys.onEscapePressed: (event) => {
                    event.accepted = suggestions.visible || page.editor.duplicateText.length > 0
                    if (suggestions.visible) {
                        suggestions.close()
                        return
                    }
                    page.editor.dismissDuplicate()
                }
                onActiveFocusChanged: if (!activeFocus) suggestions.close()

                // What the household has added before, as it is typed (shopping lists):
                // a click or the arrow keys and Enter add one.
                Popup {
                    id: suggestions
                    objectName: "suggestions"
                    y: newItem.height
                    width: newItem.width
                    padding: 0
                    focus: false // the typing stays in the field
                    closePolicy: Popup.CloseOnPressOutsideParent
                    property var entries: []
                    property int current: -1 // chosen with the arrow keys
                    function update() {
                        entries = page.editor.suggestions(newItem.text)
                        current = -1
                        if (entries.length > 0 && newItem.activeFocus)
                            open()
                        else
                            close()
                    }
                    contentItem: ListView {
                        objectName: "suggestionList"
                        implicitHeight: contentHeight
                        interactive: false
                        model: suggestions.entries
                        Accessible.name: qsTr("Suggestions")
                        delegate: ItemDelegate {
                            id: suggestion
                            required property var modelData
                            required property int index
                            objectName: "suggestion"
                            focusPolicy: Qt.NoFocus // the typing stays in the field
                            width: ListView.view.width
                            highlighted: index === suggestions.current
                            text: modelData.title
                            contentItem: RowLayout {
                                Label {
                                    text: suggestion.modelData.title
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: [suggestion.modelData.unit, suggestion.modelData.category]
                                          .filter(s => s.length > 0).join(" \u00b7 ")
                                    opacity: 0.6
                                    font.pixelSize: 12
                                }
                            }
                            Accessible.name: modelData.category.length > 0
                                             ? qsTr("%1, %2").arg(modelData.title).arg(modelData.category)
                                             : modelData.title
                            onClicked: newItem.add(modelData.text)
                        }
                    }
                }
            }

            Pane {
                objectName: "duplicate"
                visible: page.editor.duplicateText.length > 0 && !page.showingToday
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                padding: 8
                Material.background: Material.theme === Material.Dark ? "#3a3522" : "#fff6dc"
                RowLayout {
                    width: parent.width
                    Label {
                        Layout.fillWidth: true
                        text: page.editor.duplicateText
                        wrapMode: Text.WordWrap
                    }
                    Button {
                        font.capitalization: Font.MixedCase
                        objectName: "addMore"
                        visible: page.editor.moreText.length > 0
                        text: page.editor.moreText
                        highlighted: true
                        Material.elevation: 0 // flat: drawn by every renderer, software too
                        Material.background: Material.accent
                        onClicked: page.editor.addMore()
                    }
                    Button {
                        font.capitalization: Font.MixedCase
                        objectName: "addAnyway"
                        text: qsTr("Add anyway")
                        flat: true
                        onClicked: page.editor.addAnyway()
                    }
                    ToolButton {
                        objectName: "dismissDuplicate"
                        icon.source: "qrc:/icons/adwaita/window-close-symbolic.svg"
                        display: AbstractButton.IconOnly
                        text: qsTr("Never mind")
                        onClicked: page.editor.dismissDuplicate()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Never mind (Esc)")
                        Accessible.name: qsTr("Never mind")
                    }
                }
            }

            ListView {
                id: items
                objectName: "items"
                visible: !page.showingToday
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: page.editor.items
                keyNavigationEnabled: true
                activeFocusOnTab: true
                // The last rows can scroll clear of the toasts and the undo bar.
                bottomMargin: Math.max(96, toasts.height + 32)
                // An item added here scrolls into view, wherever its row is.
                property bool adding: false
                Connections {
                    target: page.editor.items
                    function onRowsInserted(parent, first, last) {
                        if (items.adding)
                            Qt.callLater(items.positionViewAtIndex, first, ListView.Contain)
                    }
                }
                Accessible.name: qsTr("Items")
                section.property: page.editor.items.groupByCategory ? "category" : ""
                section.delegate: Label {
                    // (The context property: Qt 6.4 does not set a required "section" again
                    // on a header it reuses.)
                    readonly property string key: section
                    objectName: "section"
                    text: key.length > 0 ? key : qsTr("Other")
                    padding: 6
                    leftPadding: 16
                    font.weight: Font.DemiBold
                    font.pixelSize: 13
                    opacity: 0.7
                }
                ScrollBar.vertical: ScrollBar {}
                // While dragging: the row an item would land on (-1: none).
                property int dropRow: -1
                property int dragFrom: -1
                // Makes the item with this id the current row, keeping the keyboard there.
                function select(id) {
                    currentIndex = page.editor.items.rowOf(id)
                    positionViewAtIndex(currentIndex, ListView.Contain)
                    if (currentItem)
                        currentItem.forceActiveFocus()
                }
                // Where a drop at a point of the list's content lands: on a row, or on a
                // category's header (or a gap) just above the row below it, so that an item
                // dropped under "Produce" becomes Produce's first from above or below.
                property bool dropAbove: false
                function dropAt(contentY) {
                    if (contentY < 0)
                        return { row: 0, above: true }
                    for (let dy = 0; dy <= 64; dy += 4) {
                        const i = items.indexAt(8, contentY + dy)
                        if (i >= 0)
                            return { row: i, above: dy > 0 }
                    }
                    return { row: items.count - 1, above: false }
                }
                Rectangle {
                    objectName: "dropLine"
                    visible: items.dropRow >= 0
                    readonly property Item target: items.dropRow >= 0 ? items.itemAtIndex(items.dropRow) : null
                    x: 8
                    width: items.width - 16
                    height: 3
                    radius: 1.5
                    color: "#2e8b74"
                    z: 10
                    // (In the list's content: above the row it lands on, or below when moving down.)
                    y: target ? target.y + (!items.dropAbove && items.dropRow > items.dragFrom
                                            ? target.height : 0) - 1 : 0
                }
                delegate: ItemRow {
                    showCategory: !page.editor.items.groupByCategory
                    now: page.now
                    onDoneToggled: (d) => page.editor.setDone(itemId, d)
                    onRenamed: (t) => page.editor.renameItem(itemId, t)
                    onRemoved: page.editor.removeItem(itemId)
                    onKeepMine: page.editor.keepMine(itemId)
                    onDetailsRequested: details.openFor(itemId, title, quantity, unit, category, due, assignee,
                                                        repeat, reminder)
                    // The moved item stays the current one, wherever its row went.
                    onMoveBy: (rows) => {
                        const id = itemId
                        page.editor.moveItemBy(id, rows)
                        items.select(id)
                    }
                    // Drag by the handle: a line shows where it goes; letting go moves it.
                    onDragMoved: (dy) => {
                        const to = items.dropAt(y + height / 2 + dy)
                        items.dragFrom = index
                        items.dropAbove = to.above
                        items.dropRow = to.row
                    }
                    onDragDropped: (dy) => {
                        const to = items.dropAt(y + height / 2 + dy)
                        items.dropRow = -1
                        if (to.row >= 0 && to.row !== index) {
                            const id = itemId
                            if (to.above)
                                page.editor.moveItemAbove(id, to.row)
                            else
                                page.editor.moveItem(id, to.row)
                            items.select(id)
                        }
                    }
                    onClicked: items.select(itemId)
                }
                Label {
                    anchors.centerIn: parent
                    visible: items.count === 0 && page.editor.listId.length > 0
                    text: qsTr("Nothing on this list yet.")
                    opacity: 0.6
                }
            }

            TodayView {
                id: todayView
                visible: page.showingToday
                Layout.fillWidth: true
                Layout.fillHeight: true
                today: page.households.today
                editor: page.editor
                onOpenRequested: (listId, itemId) => {
                    page.openList(listId)
                    Qt.callLater(items.select, itemId) // the keyboard on the task
                }
            }

            RowLayout {
                id: doneRow
                visible: page.editor.items.doneCount > 0 && !page.showingToday
                Layout.margins: 8
                Layout.fillWidth: true
                spacing: 8
                Button {
                    font.capitalization: Font.MixedCase
                    objectName: "toggleDone"
                    flat: true
                    text: page.editor.items.showDone
                          ? qsTr("Hide done items")
                          : qsTr("Show %n done item(s)", "", page.editor.items.doneCount)
                    onClicked: page.editor.items.showDone = !page.editor.items.showDone
                }
                Item { Layout.fillWidth: true }
                Button {
                    font.capitalization: Font.MixedCase
                    objectName: "clearDone"
                    flat: true
                    text: qsTr("Clear done items")
                    icon.source: "qrc:/icons/adwaita/edit-clear-all-symbolic.svg"
                    onClicked: page.editor.clearDone()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Take the done items off the list (Undo brings them back)")
                }
            }
        }
    }

    // Who did what on this list, or on all of the household's, newest first; readable
    // offline.
    Pane {
        id: activityPanel
        objectName: "activityPanel"
        visible: false
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.topMargin: 56
        width: 340
        padding: 0
        Material.elevation: 6
        ColumnLayout {
            anchors.fill: parent
            spacing: 0
            Label {
                Layout.margins: 16
                Layout.bottomMargin: 4
                text: qsTr("Activity")
                font.pixelSize: 17
                font.weight: Font.DemiBold
            }
            TabBar {
                id: activityScope
                objectName: "activityScope"
                Layout.fillWidth: true
                currentIndex: page.editor.activity.wholeHousehold ? 1 : 0
                onCurrentIndexChanged: page.editor.activity.wholeHousehold = currentIndex === 1
                TabButton { objectName: "activityThisList"; text: qsTr("This list") }
                TabButton { objectName: "activityHousehold"; text: qsTr("Everything") }
            }
            ListView {
                id: activityList
                objectName: "activityList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: page.editor.activity
                // A new scope (this list, everything) starts at its newest entries.
                Connections {
                    target: page.editor.activity
                    function onModelReset() { activityList.positionViewAtBeginning() }
                }
                Accessible.name: page.editor.activity.wholeHousehold
                                 ? qsTr("Activity of the household") : qsTr("Activity of this list")
                section.property: "day"
                section.delegate: Label {
                    readonly property string key: section // (see the items' sections)
                    text: key
                    padding: 8
                    leftPadding: 16
                    font.weight: Font.DemiBold
                    opacity: 0.7
                }
                delegate: ItemDelegate {
                    id: entry
                    required property int index
                    required property string sentence
                    required property string time
                    width: ListView.view.width
                    Accessible.name: entry.sentence + ", " + entry.time
                    contentItem: RowLayout {
                        Label { text: entry.sentence; Layout.fillWidth: true; wrapMode: Text.WordWrap }
                        Label { text: entry.time; opacity: 0.6 }
                        ToolButton {
                            objectName: "revert"
                            icon.source: "qrc:/icons/adwaita/edit-undo-symbolic.svg"
                            display: AbstractButton.IconOnly
                            text: qsTr("Take back")
                            opacity: entry.hovered || activeFocus ? 1 : 0.35
                            onClicked: page.editor.revertActivity(entry.index)
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Take this change back")
                            Accessible.name: qsTr("Take back: %1").arg(entry.sentence)
                        }
                    }
                }
                ScrollBar.vertical: ScrollBar {}
            }
        }
    }

    // Others' changes and errors, in the corner; a click goes to the list.
    Toasts {
        id: toasts
        model: page.session.toasts
        onDismissRequested: (index) => page.session.toasts.dismiss(index)
        onOpenRequested: (listId) => page.openList(listId)
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 16
        anchors.rightMargin: activityPanel.visible ? activityPanel.width + 16 : 16
    }

    // "Milk checked off  UNDO" for a few seconds after each change; Ctrl+Z works any time.
    Pane {
        objectName: "undoBar"
        visible: undoTimer.running && page.editor.undoText.length > 0
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        // Above the row of the done items' buttons, which stay in reach.
        anchors.bottomMargin: doneRow.visible ? doneRow.height + 24 : 16
        padding: 8
        leftPadding: 16
        // Drawn by hand, not with the style's elevation, which some renderers (software)
        // cannot draw: the bar would lose its background and its white text.
        background: Rectangle { color: "#323739"; radius: 6 }
        RowLayout {
            Label { text: page.editor.undoText; color: "white" }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "undo"
                text: qsTr("Undo")
                flat: true
                Material.foreground: "#8fd9c4"
                onClicked: { page.editor.undo(); undoTimer.stop() }
            }
        }
    }
}
