import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import "faces.js" as Faces

// One item on the kiosk: the whole row checks it off (a large target), with its quantity,
// a task's person, date and repeat, who just changed it, and whether it is waiting to be
// sent.
ItemDelegate {
    id: row
    required property string itemId
    required property string title
    required property bool done
    required property string quantityText
    required property string syncState
    required property string changedBy
    required property double changedAt
    required property bool changeAdded
    required property string assignee
    required property string assigneeName
    required property string dueText
    required property string repeatText
    required property bool overdue
    property date now: new Date() // ticking from the page, so "changed by" ages
    signal doneToggled(bool done)
    signal removed()

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: 76
    leftPadding: 16
    rightPadding: 8
    Accessible.name: row.done ? qsTr("%1, done").arg(row.title) : row.title
    Accessible.role: Accessible.CheckBox
    onClicked: row.doneToggled(!row.done)
    // Plain, not Material's ripple (see ItemRow).
    background: Rectangle {
        color: row.down ? Qt.rgba(0.18, 0.55, 0.45, 0.18) : "transparent"
    }

    contentItem: RowLayout {
        spacing: 16
        Rectangle {
            objectName: "box"
            width: 40; height: 40; radius: 8
            color: row.done ? "#2e8b74" : "transparent"
            border.color: row.done ? "#2e8b74" : "#7d8a87"
            border.width: 3
            Label {
                anchors.centerIn: parent
                visible: row.done
                text: "\u2713"
                color: "white"
                font.pixelSize: 28
                font.weight: Font.Bold
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: "kioskTitle"
                Layout.fillWidth: true
                text: row.title
                font.pixelSize: 26
                font.strikeout: row.done
                opacity: row.done ? 0.5 : 1
                elide: Text.ElideRight
            }
            // A task's person (their face), when it is due and how it repeats.
            RowLayout {
                visible: row.assigneeName.length > 0 || row.dueText.length > 0
                         || row.repeatText.length > 0
                spacing: 8
                Rectangle {
                    visible: row.assignee.length > 0
                    width: 26; height: 26; radius: 13
                    color: Faces.color(row.assignee)
                    Label {
                        anchors.centerIn: parent
                        text: Faces.initials(row.assigneeName || "?")
                        color: "white"
                        font.pixelSize: 12
                        font.weight: Font.DemiBold
                    }
                }
                Label {
                    objectName: "kioskTaskInfo"
                    Layout.fillWidth: true
                    text: [row.assigneeName,
                           row.dueText.length > 0
                               ? (row.overdue ? qsTr("overdue since %1") : qsTr("due %1")).arg(row.dueText)
                               : "",
                           row.repeatText].filter(s => s.length > 0).join(" \u00b7 ")
                    color: row.overdue ? "#d64545" : Material.foreground
                    opacity: row.overdue ? 1 : 0.65
                    font.pixelSize: 16
                    elide: Text.ElideRight
                }
            }
            Label {
                visible: row.syncState !== "confirmed"
                text: row.syncState === "pending" ? qsTr("waiting to send") : qsTr("not saved")
                color: row.syncState === "failed" ? "#d64545" : Material.foreground
                opacity: 0.65
                font.pixelSize: 16
            }
            ChangedByLabel {
                objectName: "kioskChangedBy"
                visible: who.length > 0 && row.syncState === "confirmed"
                who: row.changedBy
                at: row.changedAt
                added: row.changeAdded
                now: row.now.getTime()
                opacity: 0.65
                font.pixelSize: 16
            }
        }
        Label {
            objectName: "kioskQuantity"
            visible: text.length > 0
            text: row.quantityText
            font.pixelSize: 24
            opacity: 0.75
        }
        Button {
            font.capitalization: Font.MixedCase
            objectName: "kioskDelete"
            flat: true
            text: "\u2715"
            font.pixelSize: 22
            Layout.preferredWidth: 56
            Layout.preferredHeight: 56
            onClicked: row.removed()
            Accessible.name: qsTr("Delete %1").arg(row.title)
        }
    }
}
