import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Controls.impl
import "faces.js" as Faces

// One item of a list: check it off, edit its title in place (double click or F2), delete
// it; shows when it is not simply saved (waiting to be sent, or refused) and who else
// just changed it.
ItemDelegate {
    id: row
    required property int index
    required property string itemId
    required property string title
    required property bool done
    required property string syncState
    required property string changedBy
    required property double changedAt
    required property bool changeAdded
    required property string conflict
    required property var quantity
    required property string unit
    required property string quantityText
    required property string category
    required property var due
    required property string dueText
    required property var repeat
    required property var reminder // minutes before its time, or null
    required property string repeatText
    required property string assignee
    required property string assigneeName
    required property bool overdue
    property bool editing: false
    property bool showCategory: true // not when the list is grouped by category
    // The time now (ms), ticking from the page, so "changed by Mum, 5 min ago" ages.
    property double now: Date.now()

    signal doneToggled(bool done)
    signal keepMine()
    signal detailsRequested()
    signal moveBy(int rows)
    // Dragging by the handle: how far the pointer has gone, and where it was let go.
    signal dragMoved(real dy)
    signal dragDropped(real dy)
    signal renamed(string title)
    signal removed()

    width: ListView.view ? ListView.view.width : implicitWidth
    height: row.conflict.length > 0 ? 72 : 52
    padding: 0
    leftPadding: 12
    rightPadding: 8
    highlighted: ListView.isCurrentItem
    Accessible.name: row.title
    Accessible.role: Accessible.ListItem

    // A plain background instead of Material's ripple, which (drawn in software) holds an
    // image per row: 50 MB for a screenful of rows.
    background: Rectangle {
        color: row.down ? Qt.rgba(0.5, 0.5, 0.5, 0.22)
             : row.highlighted ? Qt.rgba(0.5, 0.5, 0.5, 0.16)
             : row.hovered ? Qt.rgba(0.5, 0.5, 0.5, 0.07) : "transparent"
        // The keyboard's place: a clear ring on the row that keys act on.
        border.width: row.activeFocus ? 2 : 0
        border.color: "#2e8b74"
        radius: 4
    }

    onDoubleClicked: row.editing = true
    Keys.onSpacePressed: row.doneToggled(!row.done)
    Keys.onDeletePressed: row.removed()
    Keys.onReturnPressed: row.detailsRequested()
    Keys.onEnterPressed: row.detailsRequested()
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_F2) {
            row.editing = true
        } else if ((event.modifiers & Qt.AltModifier) && event.key === Qt.Key_Up) {
            row.moveBy(-1); event.accepted = true
        } else if ((event.modifiers & Qt.AltModifier) && event.key === Qt.Key_Down) {
            row.moveBy(1); event.accepted = true
        }
    }

    contentItem: RowLayout {
        spacing: 10
        IconImage {
            id: handle
            objectName: "dragHandle"
            source: "qrc:/icons/adwaita/list-drag-handle-symbolic.svg"
            sourceSize: Qt.size(16, 16)
            color: row.Material.foreground
            opacity: row.hovered || drag.pressed ? 0.6 : 0.2
            Layout.preferredWidth: 18
            Layout.fillHeight: true
            fillMode: Image.Pad
            Accessible.role: Accessible.Grip
            Accessible.name: qsTr("Drag to move %1 (or Alt+Up and Alt+Down)").arg(row.title)
            // A MouseArea rather than a DragHandler: it keeps the list from taking the
            // vertical drag for a scroll.
            MouseArea {
                id: drag
                anchors.fill: parent
                anchors.margins: -4
                preventStealing: true
                cursorShape: pressed ? Qt.ClosedHandCursor : Qt.OpenHandCursor
                property real startY: 0
                property bool moved: false
                onPressed: (mouse) => { startY = mouse.y; moved = false }
                onPositionChanged: (mouse) => {
                    moved = moved || Math.abs(mouse.y - startY) > 8
                    if (moved)
                        row.dragMoved(mouse.y - startY)
                }
                onReleased: (mouse) => { if (moved) row.dragDropped(mouse.y - startY) }
                onCanceled: if (moved) row.dragDropped(0)
            }
        }
        CheckBox {
            objectName: "check"
            checked: row.done
            onClicked: {
                row.doneToggled(checked)
                // The model says what it is now: a repeating task done moves on, unticked.
                checked = Qt.binding(() => row.done)
            }
            Accessible.name: row.done ? qsTr("Mark %1 as not done").arg(row.title)
                                      : qsTr("Mark %1 as done").arg(row.title)
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            // The title with its quantity right after it ("Milk  2 l"), at any width.
            RowLayout {
                visible: !row.editing
                Layout.fillWidth: true
                spacing: 8
                Label {
                    objectName: "title"
                    // As wide as its text, narrower (elided) when the row is short of room.
                    Layout.fillWidth: true
                    Layout.maximumWidth: Math.ceil(implicitWidth) + 1
                    text: row.title
                    elide: Text.ElideRight
                    font.pixelSize: 15
                    font.strikeout: row.done
                    opacity: row.done ? 0.55 : 1
                }
                Label {
                    id: quantityLabel
                    objectName: "quantity"
                    visible: text.length > 0
                    text: row.quantityText
                    font.pixelSize: 14
                    opacity: 0.7
                }
                Item { Layout.fillWidth: true }
            }
            TextField {
                id: editor
                objectName: "editor"
                visible: row.editing
                Layout.fillWidth: true
                // Copied when editing starts: a rename from elsewhere must not overwrite
                // what is being typed.
                onVisibleChanged: if (visible) { text = row.title; forceActiveFocus(); selectAll() }
                // Handled here, not onAccepted: a text field lets Return go on to its
                // parents, and the row would open the details.
                function finish(event) {
                    row.renamed(text)
                    row.editing = false
                    row.forceActiveFocus()
                    event.accepted = true
                }
                Keys.onReturnPressed: (event) => finish(event)
                Keys.onEnterPressed: (event) => finish(event)
                Keys.onEscapePressed: row.editing = false
                onActiveFocusChanged: if (!activeFocus) row.editing = false
                Accessible.name: qsTr("Item title")
            }
            Label {
                objectName: "conflict"
                visible: row.conflict.length > 0 && !row.editing
                Layout.fillWidth: true
                text: row.conflict
                color: "#b5651d"
                font.pixelSize: 12
                elide: Text.ElideRight
            }
            // A task's person (their face), when it is due and how it repeats.
            RowLayout {
                visible: !row.editing && (row.assigneeName.length > 0 || row.dueText.length > 0
                                          || row.repeatText.length > 0)
                spacing: 6
                Rectangle {
                    objectName: "assigneeFace"
                    visible: row.assignee.length > 0
                    width: 18; height: 18; radius: 9
                    color: Faces.color(row.assignee)
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("For %1").arg(row.assigneeName)
                    Label {
                        anchors.centerIn: parent
                        text: Faces.initials(row.assigneeName || "?")
                        color: "white"
                        font.pixelSize: 9
                        font.weight: Font.DemiBold
                    }
                }
                Label {
                    objectName: "taskInfo"
                    //: A task's due date on its row, e.g. "due 24/11/2026".
                    text: [row.assigneeName,
                           row.dueText.length > 0
                               ? (row.overdue ? qsTr("overdue since %1") : qsTr("due %1")).arg(row.dueText)
                               : "",
                           row.repeatText].filter(s => s.length > 0).join(" \u00b7 ")
                    color: row.overdue ? "#d64545" : Material.foreground
                    opacity: row.overdue ? 1 : 0.65
                    font.pixelSize: 12
                }
                // A reminder is set (and the task has a time for it).
                IconImage {
                    objectName: "reminderBell"
                    visible: typeof row.reminder === "number" && typeof row.due === "string"
                             && row.due.length > 10 && !row.done
                    source: "qrc:/icons/adwaita/alarm-symbolic.svg"
                    sourceSize: Qt.size(12, 12)
                    color: row.Material.foreground
                    opacity: 0.65
                    Accessible.role: Accessible.StaticText
                    Accessible.name: row.reminder === 0 ? qsTr("Reminder at the time")
                        : qsTr("Reminder %n minute(s) before", "", row.reminder || 0)
                }
            }
            ChangedByLabel {
                objectName: "changedBy"
                visible: who.length > 0 && !row.editing
                who: row.changedBy
                at: row.changedAt
                added: row.changeAdded
                now: row.now
                font.pixelSize: 11
                opacity: 0.6
            }
        }
        Button {
            font.capitalization: Font.MixedCase
            objectName: "keepMine"
            visible: row.conflict.length > 0
            text: qsTr("Keep mine")
            flat: true
            onClicked: row.keepMine()
            Accessible.name: qsTr("Keep my change to %1").arg(row.title)
        }
        Label {
            objectName: "category"
            visible: row.showCategory && row.category.length > 0 && row.width > 560
            text: row.category
            font.pixelSize: 11
            padding: 3
            leftPadding: 8
            rightPadding: 8
            background: Rectangle { radius: height / 2; color: "#2e8b74"; opacity: 0.15 }
        }
        Label {
            objectName: "syncBadge"
            visible: row.syncState !== "confirmed"
            text: row.syncState === "pending" ? qsTr("waiting to send") : qsTr("not saved")
            color: row.syncState === "pending" ? "#8a8f98" : "#d64545"
            font.pixelSize: 11
            ToolTip.visible: badgeHover.hovered
            ToolTip.text: row.syncState === "pending"
                          ? qsTr("Saved on this computer; it goes to the others when connected.")
                          : qsTr("The server refused this change.")
            HoverHandler { id: badgeHover }
        }
        ToolButton {
            objectName: "details"
            icon.source: "qrc:/icons/adwaita/view-more-symbolic.svg"
            display: AbstractButton.IconOnly
            text: qsTr("Details")
            onClicked: row.detailsRequested()
            Accessible.name: qsTr("Details of %1").arg(row.title)
            opacity: row.hovered || row.highlighted ? 1 : 0.35
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Details")
        }
        ToolButton {
            objectName: "delete"
            icon.source: "qrc:/icons/adwaita/user-trash-symbolic.svg"
            display: AbstractButton.IconOnly
            text: qsTr("Delete")
            onClicked: row.removed()
            Accessible.name: qsTr("Delete %1").arg(row.title)
            opacity: row.hovered || row.highlighted ? 1 : 0.35
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Delete (Del)")
        }
    }
}
