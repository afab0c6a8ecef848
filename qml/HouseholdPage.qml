import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Kinlist

// After signing in with no household yet: start one, or join the family's with a code.
Page {
    id: page
    required property Session session
    required property UserAccount account
    required property Households households

    Pane {
        anchors.centerIn: parent
        width: Math.min(460, page.width - 40)
        padding: 28
        Material.elevation: 3

        ColumnLayout {
            anchors.fill: parent
            spacing: 12
            Label {
                text: qsTr("Hello %1!").arg(page.account.userName)
                font.pixelSize: 24
                font.weight: Font.DemiBold
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Start a household for your family, or join one with the invite code someone gave you.")
            }
            Label { text: qsTr("Start a household"); font.weight: Font.DemiBold; Layout.topMargin: 8 }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: householdName
                    objectName: "householdName"
                    Component.onCompleted: forceActiveFocus()
                    Layout.fillWidth: true
                    placeholderText: qsTr("e.g. The Smiths")
                    Accessible.name: qsTr("Household name")
                    onAccepted: create.clicked()
                }
                Button {
                    font.capitalization: Font.MixedCase
                    id: create
                    objectName: "create"
                    text: qsTr("Create")
                    highlighted: true
                    Material.elevation: 0 // flat: drawn by every renderer, software too
                    enabled: !page.session.busy
                    onClicked: page.households.createHousehold(householdName.text)
                }
            }
            Label { text: qsTr("Join with an invite code"); font.weight: Font.DemiBold; Layout.topMargin: 8 }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: code
                    objectName: "code"
                    Layout.fillWidth: true
                    placeholderText: qsTr("ABCD-EFGH")
                    font.capitalization: Font.AllUppercase
                    Accessible.name: qsTr("Invite code")
                    onAccepted: join.clicked()
                }
                Button {
                    font.capitalization: Font.MixedCase
                    id: join
                    objectName: "join"
                    text: qsTr("Join")
                    enabled: !page.session.busy
                    onClicked: page.households.joinHousehold(code.text)
                }
            }
            Label {
                objectName: "error"
                Layout.fillWidth: true
                visible: page.session.error.length > 0
                text: page.session.error
                wrapMode: Text.WordWrap
                color: "#d64545"
            }
            Button {
                font.capitalization: Font.MixedCase
                flat: true
                text: qsTr("Sign out")
                onClicked: page.account.signOut()
            }
        }
    }
}
