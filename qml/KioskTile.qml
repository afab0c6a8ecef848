import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

// One list on the kiosk's home view: a large tile with its name and what is still open.
// The whole tile is the touch target.
ItemDelegate {
    id: tile
    property string name: ""
    property string kind: "shopping"
    property int openCount: 0
    property var firstItems: [] // the first open items, shown under the name
    signal opened()

    implicitWidth: 280
    implicitHeight: 168
    padding: 20
    Accessible.name: tile.name + ", " + (tile.kind === "tasks" ? qsTr("%n to do", "", tile.openCount)
                                                               : qsTr("%n to get", "", tile.openCount))
    onClicked: tile.opened()

    background: Rectangle {
        radius: 16
        color: tile.down ? Qt.darker(base, 1.08) : base
        readonly property color base: tile.kind === "tasks" ? "#e8eef9" : "#e3f2ec"
        border.color: tile.visualFocus ? "#2e8b74" : "transparent"
        border.width: 3
    }
    contentItem: ColumnLayout {
        spacing: 6
        Label {
            text: tile.kind === "tasks" ? qsTr("Tasks") : qsTr("Shopping")
            font.pixelSize: 16
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1
            color: "#4d5a57"
        }
        Label {
            objectName: "tileName"
            Layout.fillWidth: true
            text: tile.name
            font.pixelSize: 30
            font.weight: Font.DemiBold
            color: "#1d2b28"
            elide: Text.ElideRight
        }
        // What is on it, at a glance: the first few open items.
        Repeater {
            model: tile.firstItems
            delegate: Label {
                required property string modelData
                objectName: "tileItem"
                Layout.fillWidth: true
                text: "• " + modelData
                font.pixelSize: 20
                color: "#33433f"
                elide: Text.ElideRight
            }
        }
        Item { Layout.fillHeight: true }
        Label {
            objectName: "tileCount"
            text: tile.openCount === 0 ? qsTr("All done")
                : tile.kind === "tasks" ? qsTr("%n to do", "", tile.openCount)
                : qsTr("%n to get", "", tile.openCount)
            font.pixelSize: 20
            color: "#2e6b5c"
        }
    }
}
