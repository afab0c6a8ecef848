import QtQuick
import "faces.js" as Faces
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

// The family's faces along the bottom of the kiosk: tapping yours makes the next changes
// yours ("Dad checked off Milk") without anyone signing in. Tapping it again, or waiting,
// lets go. A pure view: the members come in, the choice goes out.
Item {
    id: root
    property var members: [] // {userId, displayName, role}
    property string selected: ""
    signal picked(string userId)

    readonly property var people: root.members.filter(m => m.role !== "kiosk")
    implicitHeight: 96
    implicitWidth: row.implicitWidth

    function initials(name) { return Faces.initials(name) }
    function colorFor(id) { return Faces.color(id) }

    RowLayout {
        id: row
        anchors.fill: parent
        spacing: 16
        Label {
            objectName: "who"
            Layout.preferredWidth: 200
            wrapMode: Text.WordWrap
            font.pixelSize: 18
            text: {
                for (const m of root.people) {
                    if (m.userId === root.selected)
                        return qsTr("Changes now count as %1's").arg(m.displayName)
                }
                return qsTr("Who is this? Tap your face.")
            }
        }
        Repeater {
            model: root.people
            delegate: AbstractButton {
                id: face
                required property var modelData
                readonly property bool chosen: modelData.userId === root.selected
                objectName: "face_" + modelData.displayName
                implicitWidth: 76
                implicitHeight: 88
                Accessible.name: chosen ? qsTr("%1, chosen").arg(modelData.displayName)
                                        : modelData.displayName
                onClicked: root.picked(face.chosen ? "" : modelData.userId)
                contentItem: ColumnLayout {
                    spacing: 4
                    Rectangle {
                        Layout.alignment: Qt.AlignHCenter
                        width: 60; height: 60; radius: 30
                        color: root.colorFor(face.modelData.userId)
                        border.width: face.chosen ? 4 : 0
                        border.color: "#1d2b28"
                        opacity: root.selected.length === 0 || face.chosen ? 1 : 0.45
                        Label {
                            anchors.centerIn: parent
                            text: root.initials(face.modelData.displayName)
                            color: "white"
                            font.pixelSize: 22
                            font.weight: Font.DemiBold
                        }
                    }
                    Label {
                        Layout.alignment: Qt.AlignHCenter
                        Layout.maximumWidth: 76
                        text: face.modelData.displayName
                        elide: Text.ElideRight
                        font.pixelSize: 14
                        font.weight: face.chosen ? Font.DemiBold : Font.Normal
                    }
                }
            }
        }
        Item { Layout.fillWidth: true }
    }
}
