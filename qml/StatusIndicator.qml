import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The live connection status: a coloured dot and a word, "N waiting" while changes are
// queued, the details in a tooltip, and Retry now when offline. Pure view: the values
// come from a ConnectionStatus (or a test).
Item {
    id: root
    property string connectionState: "connecting"
    property string label: qsTr("Connecting")
    property string detail: ""
    property int pendingCount: 0
    property bool canRetry: false
    signal retryRequested()

    readonly property color dotColor: ({
        "live": "#2e9e5b", "syncing": "#2f80ed", "connecting": "#e0a030",
        "offline": "#8a8f98", "signedout": "#d64545", "error": "#d64545"
    })[root.connectionState] || "#8a8f98"

    implicitWidth: row.implicitWidth + 20
    implicitHeight: 32
    Accessible.role: Accessible.StatusBar
    Accessible.name: qsTr("Connection: %1").arg(root.label)
    Accessible.description: root.detail

    Rectangle {
        anchors.fill: parent
        radius: height / 2
        color: Qt.rgba(root.dotColor.r, root.dotColor.g, root.dotColor.b, 0.12)
        border.color: Qt.rgba(root.dotColor.r, root.dotColor.g, root.dotColor.b, 0.35)
    }

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: 8
        Rectangle {
            id: dot
            objectName: "dot"
            width: 10; height: 10; radius: 5
            color: root.dotColor
            SequentialAnimation on opacity {
                running: root.connectionState === "connecting" || root.connectionState === "syncing"
                loops: Animation.Infinite
                NumberAnimation { to: 0.3; duration: 600 }
                NumberAnimation { to: 1.0; duration: 600 }
                onRunningChanged: if (!running) dot.opacity = 1
            }
        }
        Label {
            objectName: "word"
            text: root.label
            font.weight: Font.DemiBold
        }
        Label {
            objectName: "waiting"
            visible: root.pendingCount > 0
            text: qsTr("%n waiting", "changes not yet sent to the server", root.pendingCount)
            opacity: 0.75
        }
        Button {
            font.capitalization: Font.MixedCase
            objectName: "retry"
            visible: root.canRetry
            text: qsTr("Retry now")
            flat: true
            padding: 4
            onClicked: root.retryRequested()
            Accessible.name: qsTr("Retry connecting now")
        }
    }

    HoverHandler { id: hover }
    // Shown while the pointer rests here; it never takes a click meant for something else
    // (a tooltip that closes on a press elsewhere swallowed that press and what followed).
    ToolTip {
        objectName: "statusTip"
        visible: hover.hovered && root.detail.length > 0
        text: root.detail
        delay: 400
        closePolicy: Popup.NoAutoClose
    }
    ToolTip.delay: 300
}
