import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kinlist

ApplicationWindow {
    id: window
    required property Session session
    required property UserAccount account
    required property Households households
    required property ListEditor editor
    required property AppSettings settings
    required property Kiosk kiosk
    property bool dark: false

    width: 1100
    height: 720
    visible: true
    title: window.households.currentName.length > 0
           ? qsTr("%1 – Kinlist").arg(window.households.currentName) : "Kinlist"
    Material.theme: dark || window.settings.theme === "dark" ? Material.Dark
                  : window.settings.theme === "light" ? Material.Light : Material.System
    Material.accent: "#2e8b74"
    Material.primary: "#2e8b74"

    Loader {
        id: page
        objectName: "page"
        anchors.fill: parent
        sourceComponent: window.kiosk.active ? (window.session.signedIn ? kioskPage : kioskPairPage)
                       : !window.session.signedIn ? signInPage
                       : window.households.all.length === 0 ? householdPage : mainPage
    }
    // The kiosk's on-screen keyboard, above everything; the page makes room for it.
    Loader {
        id: keyboardLoader
        objectName: "keyboardLoader"
        active: window.kiosk.active
        source: "KioskKeyboard.qml"
        z: 800
        anchors.fill: parent
    }
    Binding {
        target: keyboardLoader.item
        when: keyboardLoader.status === Loader.Ready
        property: "language"
        value: window.settings.languageInUse
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
    // A notification clicked (a task's reminder, others' changes), the tray's "Today".
    Connections {
        target: window.session
        function onOpenItemRequested(listId, itemId) {
            if (page.item && page.item.openItem) {
                if (itemId.length > 0)
                    page.item.openItem(listId, itemId)
                else
                    page.item.openList(listId)
            }
        }
        function onTodayRequested() {
            if (page.item && page.item.showToday)
                page.item.showToday()
        }
    }
    // A kiosk is not closed by accident (Alt+F4, a stray gesture): only with its PIN.
    onClosing: (close) => { if (window.kiosk.active) close.accepted = false }
    // Each page gets the parts of the session it works with.
    Component {
        id: kioskPairPage
        KioskPairPage {
            session: window.session
            account: window.account
            settings: window.settings
            kiosk: window.kiosk
        }
    }
    Component {
        id: kioskPage
        KioskPage {
            session: window.session
            households: window.households
            editor: window.editor
            kiosk: window.kiosk
        }
    }
    Component {
        id: signInPage
        SignInPage {
            session: window.session
            account: window.account
            settings: window.settings
        }
    }
    Component {
        id: householdPage
        HouseholdPage {
            session: window.session
            account: window.account
            households: window.households
        }
    }
    Component {
        id: mainPage
        MainPage {
            session: window.session
            account: window.account
            households: window.households
            editor: window.editor
            settings: window.settings
            kiosk: window.kiosk
        }
    }
}
