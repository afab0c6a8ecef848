import QtQuick
import QtQuick.Controls

// Cleaning mode: for `seconds`, the whole screen ignores touches, clicks and keys, so the
// tablet can be wiped. Counts down, then lets go by itself.
Rectangle {
    id: overlay
    property int seconds: 30
    property int remaining: 0
    readonly property bool running: remaining > 0
    signal finished()

    function start() {
        overlay.remaining = overlay.seconds
        overlay.forceActiveFocus()
    }

    visible: running
    color: "#f2111816"
    z: 1000
    focus: running
    Keys.onPressed: (event) => { event.accepted = true }
    Accessible.role: Accessible.AlertMessage
    Accessible.name: label.text

    Timer {
        interval: 1000
        repeat: true
        running: overlay.running
        onTriggered: {
            overlay.remaining -= 1
            if (overlay.remaining === 0)
                overlay.finished()
        }
    }
    // Every pointer and touch lands here and goes no further.
    MouseArea {
        objectName: "cleaningShield"
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        hoverEnabled: true
        preventStealing: true
        onWheel: (wheel) => { wheel.accepted = true }
    }
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: false }

    Column {
        anchors.centerIn: parent
        spacing: 16
        Label {
            id: label
            objectName: "cleaningLabel"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Cleaning – the screen ignores touches")
            color: "white"
            font.pixelSize: 34
        }
        Label {
            objectName: "cleaningCount"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("%n second(s) left", "", overlay.remaining)
            color: "#a9d8c8"
            font.pixelSize: 26
        }
    }
}
