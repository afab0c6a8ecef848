import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

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
    required property string conflict
    required property var quantity
    required property string unit
    required property string quantityText
    required property string category
    required property var due
    required property string dueText
    required property string assignee
    required property string assigneeName
    required property bool overdue
    property bool editing: false
    property bool showCategory: true // not when the list is grouped by category

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
    }

    onDoubleClicked: row.editing = true
    Keys.onSpacePressed: row.doneToggled(!row.done)
    Keys.onDeletePressed: row.removed()
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
        Label {
            id: handle
            objectName: "dragHandle"
            text: "\u2807\u2807"
            font.pixelSize: 16
            opacity: row.hovered || drag.pressed ? 0.6 : 0.15
            Layout.preferredWidth: 18
            Layout.fillHeight: true
            verticalAlignment: Text.AlignVCenter
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
            onClicked: row.doneToggled(checked)
            Accessible.name: row.done ? qsTr("Mark %1 as not done").arg(row.title)
                                      : qsTr("Mark %1 as done").arg(row.title)
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                objectName: "title"
                visible: !row.editing
                Layout.fillWidth: true
                text: row.title
                elide: Text.ElideRight
                font.pixelSize: 15
                font.strikeout: row.done
                opacity: row.done ? 0.55 : 1
            }
            TextField {
                id: editor
                objectName: "editor"
                visible: row.editing
                Layout.fillWidth: true
                // Copied when editing starts: a rename from elsewhere must not overwrite
                // what is being typed.
                onVisibleChanged: if (visible) { text = row.title; forceActiveFocus(); selectAll() }
                onAccepted: { row.renamed(text); row.editing = false }
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
            Label {
                objectName: "taskInfo"
                visible: !row.editing && (row.assigneeName.length > 0 || row.dueText.length > 0)
                //: A task's due date on its row, e.g. "due 24/11/2026".
                text: [row.assigneeName,
                       row.dueText.length > 0
                           ? (row.overdue ? qsTr("overdue since %1") : qsTr("due %1")).arg(row.dueText)
                           : ""].filter(s => s.length > 0).join(" \u00b7 ")
                color: row.overdue ? "#d64545" : Material.foreground
                opacity: row.overdue ? 1 : 0.65
                font.pixelSize: 12
            }
            Label {
                objectName: "changedBy"
                visible: row.changedBy.length > 0 && !row.editing
                text: qsTr("changed by %1, just now").arg(row.changedBy)
                font.pixelSize: 11
                opacity: 0.6
            }
        }
        Button {
            objectName: "keepMine"
            visible: row.conflict.length > 0
            text: qsTr("Keep mine")
            flat: true
            onClicked: row.keepMine()
            Accessible.name: qsTr("Keep my change to %1").arg(row.title)
        }
        Label {
            objectName: "quantity"
            visible: text.length > 0
            text: row.quantityText
            opacity: 0.75
        }
        Label {
            objectName: "category"
            visible: row.showCategory && row.category.length > 0
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
            text: "\u22ef"
            onClicked: row.detailsRequested()
            Accessible.name: qsTr("Details of %1").arg(row.title)
            opacity: row.hovered || row.highlighted ? 1 : 0.25
        }
        ToolButton {
            objectName: "delete"
            text: "\u2715"
            onClicked: row.removed()
            Accessible.name: qsTr("Delete %1").arg(row.title)
            opacity: row.hovered || row.highlighted ? 1 : 0.25
        }
    }
}
