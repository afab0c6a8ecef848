import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Kinlist

// First run: sign in, or create an account, on the family's server.
Page {
    id: page
    required property Session session
    required property UserAccount account
    required property AppSettings settings
    property bool creating: false

    Pane {
        anchors.centerIn: parent
        width: Math.min(420, page.width - 40)
        padding: 28
        Material.elevation: 3

        ColumnLayout {
            anchors.fill: parent
            spacing: 12
            Label {
                text: page.creating ? qsTr("Create your Kinlist account") : qsTr("Welcome to Kinlist")
                font.pixelSize: 24
                font.weight: Font.DemiBold
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                opacity: 0.7
                text: qsTr("Shared lists for the whole family, on every device, live.")
            }
            TextField {
                id: server
                objectName: "server"
                Layout.fillWidth: true
                placeholderText: qsTr("Server address, e.g. kitchen-pc:8477")
                text: page.account.serverAddress
                Accessible.name: qsTr("Server address")
            }
            TextField {
                id: name
                objectName: "name"
                visible: page.creating
                Layout.fillWidth: true
                placeholderText: qsTr("Your name, as the family sees it")
                Accessible.name: qsTr("Your name")
            }
            TextField {
                id: email
                objectName: "email"
                Layout.fillWidth: true
                placeholderText: qsTr("Email address")
                inputMethodHints: Qt.ImhEmailCharactersOnly
                Accessible.name: qsTr("Email address")
                Component.onCompleted: forceActiveFocus()
            }
            TextField {
                id: password
                objectName: "password"
                Layout.fillWidth: true
                placeholderText: page.creating ? qsTr("Password (at least 8 characters)") : qsTr("Password")
                echoMode: TextInput.Password
                Accessible.name: qsTr("Password")
                onAccepted: go.clicked()
            }
            // No keychain on this computer: say so, and offer the private file instead of
            // forgetting the sign-in when Kinlist closes.
            CheckBox {
                objectName: "rememberInFile"
                visible: page.account.keychainMissing
                Layout.fillWidth: true
                checked: page.account.rememberInFile
                onToggled: page.account.rememberInFile = checked
                text: qsTr("Keep me signed in on this computer")
                Accessible.name: text
            }
            Label {
                visible: page.account.keychainMissing
                Layout.fillWidth: true
                Layout.topMargin: -8
                leftPadding: 40
                wrapMode: Text.WordWrap
                font.pixelSize: 12
                opacity: 0.7
                text: qsTr("This computer has no keychain, so the sign-in would be kept in a file only your user can read. Otherwise Kinlist asks for your password after each start.")
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
                id: go
                objectName: "go"
                Layout.fillWidth: true
                highlighted: true
                Material.elevation: 0 // flat: drawn by every renderer, software too
                enabled: !page.session.busy
                text: page.session.busy ? qsTr("One moment…")
                                        : page.creating ? qsTr("Create account") : qsTr("Sign in")
                onClicked: page.creating
                           ? page.account.createAccount(server.text, name.text, email.text, password.text)
                           : page.account.signIn(server.text, email.text, password.text)
            }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "switchMode"
                Layout.fillWidth: true
                flat: true
                text: page.creating ? qsTr("I already have an account") : qsTr("New here? Create an account")
                onClicked: { page.session.clearError(); page.creating = !page.creating }
            }
            // Before anything else: someone whose computer speaks another language.
            LanguageBox {
                objectName: "signInLanguage"
                settings: page.settings
                flat: true
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 240
            }
        }
    }
}
