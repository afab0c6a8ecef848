import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kinlist
import "faces.js" as Faces

// What is due across the household's lists: overdue, today and the coming week, under each
// person's face (the user first, nobody's last). A tick completes a task (a repeating one
// moves on to its next date); a click on a row opens its list.
ListView {
    id: view
    objectName: "today"
    required property TodayModel today
    required property ListEditor editor
    signal openRequested(string listId, string itemId)
    // The row Space completed: the keyboard stays at that place in the list when the task
    // goes (or moves on to its next date), on the task after it.
    property int keepRow: -1
    Connections {
        target: view.today
        function onDataChanged() {
            if (view.keepRow < 0)
                return
            view.currentIndex = Math.min(view.keepRow, view.count - 1)
            view.keepRow = -1
        }
    }

    clip: true
    model: view.today
    keyNavigationEnabled: true
    activeFocusOnTab: true
    bottomMargin: 96 // clear of the toasts and the undo bar
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Due today and soon")
    ScrollBar.vertical: ScrollBar {}

    section.property: "group"
    section.delegate: RowLayout {
        id: group
        // (The section as a context property, not a required one: Qt 6.4 does not set a
        // required "section" again on a header it reuses, which then names another person.)
        readonly property string key: section
        readonly property string person: key.split("\u001f")[0]
        readonly property string name: key.split("\u001f")[1] || ""
        objectName: "todayGroup"
        width: view.width
        spacing: 10
        Accessible.role: Accessible.Heading
        Accessible.name: group.name
        Rectangle {
            Layout.leftMargin: 16
            Layout.topMargin: 14
            Layout.bottomMargin: 4
            width: 28; height: 28; radius: 14
            color: group.person.length > 0 ? Faces.color(group.person) : "transparent"
            border.color: group.person.length > 0 ? "transparent" : Material.hintTextColor
            Label {
                anchors.centerIn: parent
                text: group.person.length > 0 ? Faces.initials(group.name) : "?"
                color: group.person.length > 0 ? "white" : Material.hintTextColor
                font.pixelSize: 12
                font.weight: Font.DemiBold
            }
        }
        Label {
            Layout.topMargin: 10
            Layout.fillWidth: true
            text: group.name
            font.pixelSize: 15
            font.weight: Font.DemiBold
        }
    }

    delegate: ItemDelegate {
        id: row
        required property int index
        required property string itemId
        required property string listId
        required property string listName
        required property string title
        required property string when
        required property string whenText
        required property string repeatText
        objectName: "todayRow"
        width: ListView.view.width
        highlighted: ListView.isCurrentItem && view.activeFocus
        leftPadding: 54
        Accessible.role: Accessible.ListItem
        Accessible.name: title
        Accessible.description: qsTr("%1, %2. Space completes it, Enter opens %2").arg(whenText).arg(listName)
        onClicked: view.openRequested(row.listId, row.itemId)
        Keys.onReturnPressed: view.openRequested(row.listId, row.itemId)
        Keys.onEnterPressed: view.openRequested(row.listId, row.itemId)
        Keys.onSpacePressed: {
            view.keepRow = row.index
            view.editor.setDone(row.itemId, true)
        }
        contentItem: RowLayout {
            spacing: 12
            CheckBox {
                objectName: "todayDone"
                padding: 0
                checked: false
                onClicked: { checked = false; view.editor.setDone(row.itemId, true) }
                Accessible.name: qsTr("Done: %1").arg(row.title)
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    objectName: "todayTitle"
                    Layout.fillWidth: true
                    text: row.title
                    elide: Text.ElideRight
                    font.pixelSize: 15
                }
                Label {
                    objectName: "todayWhen"
                    Layout.fillWidth: true
                    text: [row.whenText, row.listName, row.repeatText].filter(s => s.length > 0).join(" · ")
                    elide: Text.ElideRight
                    font.pixelSize: 12
                    color: row.when === "overdue" ? (Material.theme === Material.Dark ? "#ff8a80" : "#c62828")
                                                  : Material.hintTextColor
                }
            }
        }
    }

    Label {
        objectName: "todayEmpty"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        visible: view.count === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: view.today.mine ? qsTr("Nothing due for you this week.")
                              : qsTr("Nothing due this week. Tasks with a date show up here.")
        opacity: 0.6
    }
}
