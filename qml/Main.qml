import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kinlist

ApplicationWindow {
    id: window
    required property Session session
    property bool dark: false

    width: 1100
    height: 720
    visible: true
    title: session.householdName.length > 0 ? qsTr("%1 – Kinlist").arg(session.householdName)
                                            : "Kinlist"
    Material.theme: dark || session.theme === "dark" ? Material.Dark
                  : session.theme === "light" ? Material.Light : Material.System
    Material.accent: "#2e8b74"
    Material.primary: "#2e8b74"

    Loader {
        id: page
        objectName: "page"
        anchors.fill: parent
        sourceComponent: window.session.kiosk ? (window.session.signedIn ? kiosk : kioskPair)
                       : !window.session.signedIn ? signIn
                       : window.session.households.length === 0 ? household : main
    }
    // The kiosk's on-screen keyboard, above everything; the page makes room for it.
    Loader {
        id: keyboardLoader
        objectName: "keyboardLoader"
        active: window.session.kiosk
        source: "KioskKeyboard.qml"
        z: 800
        anchors.fill: parent
    }
    Binding {
        target: keyboardLoader.item
        when: keyboardLoader.status === Loader.Ready
        property: "language"
        value: window.session.languageInUse
    }
    // A clear focus ring on the control the keyboard reached (Tab, Shift+Tab, a shortcut):
    // Material's own is a faint halo. Drawn above the page, following the control as it
    // moves (each frame while shown).
    Rectangle {
        id: focusRing
        objectName: "focusRing"
        readonly property Item target: window.activeFocusItem
        readonly property bool shown: target !== null && target.visualFocus === true
        visible: shown
        parent: Overlay.overlay // above dialogs too
        z: 900
        color: "transparent"
        border.width: 2
        border.color: window.Material.accent
        radius: 4
        function follow() {
            if (!shown)
                return
            const r = target.mapToItem(parent, 0, 0, target.width, target.height)
            x = r.x - 3; y = r.y - 3; width = r.width + 6; height = r.height + 6
        }
        onTargetChanged: follow()
        onShownChanged: follow()
        Connections {
            target: window
            enabled: focusRing.shown
            function onAfterAnimating() { focusRing.follow() }
        }
    }
    // A kiosk is not closed by accident (Alt+F4, a stray gesture): only with its PIN.
    onClosing: (close) => { if (window.session.kiosk) close.accepted = false }
    Component { id: kioskPair; KioskPairPage { session: window.session } }
    Component { id: kiosk; KioskPage { session: window.session } }
    Component { id: signIn; SignInPage { session: window.session } }
    Component { id: household; HouseholdPage { session: window.session } }
    Component { id: main; MainPage { session: window.session } }
}
