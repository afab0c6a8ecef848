import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Kinlist
import "faces.js" as Faces
import "clock.js" as Clock

// The kitchen tablet: the household's lists as tiles, one list at a time in large type,
// the family's faces to say who is tapping, the connection always in sight. Goes home
// after a few idle minutes, keeps the screen on, dims at night, has a cleaning mode, and
// is left only with the PIN.
Page {
    id: page
    objectName: "kioskPage"
    required property Session session
    required property Households households
    required property ListEditor editor
    required property Kiosk kiosk
    property bool showingList: false
    property int idleMinutes: 2
    property int nightFrom: 22 // hour the screen dims
    property int nightUntil: 6 // hour it brightens again
    property date now: new Date()
    readonly property bool night: now.getHours() >= nightFrom || now.getHours() < nightUntil
    property bool awake: false // touched while dimmed

    font.pixelSize: 20

    // The tiles show each list's first items; the chart follows today's chores.
    Component.onCompleted: {
        page.households.lists.withFirstItems = true
        page.households.chart.active = true
    }
    Component.onDestruction: {
        page.households.lists.withFirstItems = false
        page.households.chart.active = false
    }

    function goHome() {
        page.showingList = false
        page.kiosk.actingFor = ""
        addField.text = ""
        exitPopup.close()
    }

    IdleWatcher {
        id: idle
        timeout: page.idleMinutes * 60 * 1000
        onIdleChanged: if (idle) page.goHome()
    }
    ScreenKeeper { id: screen; active: true }
    Timer {
        interval: 30000
        running: true
        repeat: true
        triggeredOnStart: true
        onTriggered: page.now = new Date()
    }
    Timer { id: wakeTimer; interval: 120000; onTriggered: page.awake = false }

    header: ToolBar {
        objectName: "kioskHeader"
        height: 80
        Material.background: Material.theme === Material.Dark ? "#1f2624" : "#f4f7f6"
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 20
            anchors.rightMargin: 12
            spacing: 16
            Button {
                font.capitalization: Font.MixedCase
                objectName: "kioskHome"
                visible: page.showingList
                text: qsTr("\u2039 All lists")
                font.pixelSize: 20
                Layout.preferredHeight: 60
                flat: true
                onClicked: page.goHome()
            }
            Label {
                objectName: "kioskTitle"
                text: page.showingList ? page.editor.name : page.households.currentName
                font.pixelSize: 32
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                objectName: "clock"
                // Hours and minutes in the locale's way, without seconds.
                text: Clock.time(page.now)
                font.pixelSize: 30
                opacity: 0.8
            }
            StatusIndicator {
                objectName: "kioskStatus"
                scale: 1.3
                Layout.leftMargin: 20
                Layout.rightMargin: 20
                connectionState: page.session.status.state
                label: page.session.status.label
                detail: page.session.status.detail
                pendingCount: page.session.status.pendingCount
                canRetry: page.session.status.canRetry
                onRetryRequested: page.session.status.retryNow()
            }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "clean"
                text: qsTr("Clean")
                icon.source: "qrc:/icons/adwaita/edit-clear-all-symbolic.svg"
                font.pixelSize: 18
                flat: true
                Layout.preferredHeight: 60
                Accessible.name: qsTr("Cleaning mode: ignore touches for 30 seconds")
                onClicked: cleaning.start()
            }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "exit"
                text: qsTr("Exit")
                icon.source: "qrc:/icons/adwaita/application-exit-symbolic.svg"
                font.pixelSize: 18
                flat: true
                Layout.preferredHeight: 60
                Accessible.name: qsTr("Leave kiosk mode (needs the PIN)")
                onClicked: { page.session.clearError(); exitPopup.open() }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.bottomMargin: Qt.inputMethod.visible ? Qt.inputMethod.keyboardRectangle.height : 0
        spacing: 0

        // Home, above the tiles: today's chores (and the overdue ones) per person, in
        // columns under their faces. A tap does one as the face chosen below, or else as
        // the person whose column it is.
        Flickable {
            id: chart
            objectName: "choreChart"
            visible: !page.showingList && page.households.chart.count > 0
            readonly property var people: page.households.chart.people
            readonly property real columnWidth: Math.max(240, Math.min(400,
                (width - (people.length - 1) * 16) / Math.max(1, people.length)))
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(chartRow.height, page.height * 0.42)
            Layout.margins: 24
            Layout.bottomMargin: 0
            contentWidth: chartRow.width
            contentHeight: chartRow.height
            flickableDirection: Flickable.AutoFlickIfNeeded
            clip: true
            Row {
                id: chartRow
                x: Math.max(0, (chart.width - width) / 2)
                spacing: 16
                Repeater {
                    model: chart.people
                    delegate: ColumnLayout {
                        id: column
                        required property var modelData
                        readonly property string person: modelData.userId
                        objectName: "choreColumn"
                        width: chart.columnWidth
                        spacing: 8
                        Accessible.role: Accessible.Column
                        Accessible.name: qsTr("Today for %1").arg(modelData.name)
                        RowLayout {
                            spacing: 12
                            Rectangle {
                                width: 44; height: 44; radius: 22
                                color: column.person.length > 0 ? Faces.color(column.person) : "transparent"
                                border.color: column.person.length > 0 ? "transparent" : "#7f8c89"
                                border.width: 2
                                Label {
                                    anchors.centerIn: parent
                                    text: column.person.length > 0 ? Faces.initials(column.modelData.name) : "?"
                                    color: column.person.length > 0 ? "white" : "#7f8c89"
                                    font.pixelSize: 18
                                    font.weight: Font.DemiBold
                                }
                            }
                            Label {
                                Layout.fillWidth: true
                                text: column.modelData.name
                                font.pixelSize: 22
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                            }
                        }
                        Repeater {
                            model: page.households.chart
                            delegate: ItemDelegate {
                                id: chore
                                required property string itemId
                                required property string title
                                required property string person
                                required property string when
                                required property string whenText
                                required property string repeatText
                                objectName: "chore"
                                visible: chore.person === column.person
                                Layout.fillWidth: true
                                Layout.preferredHeight: 72
                                font.pixelSize: 20
                                Accessible.name: chore.title
                                Accessible.description: qsTr("Tap to mark it done")
                                background: Rectangle {
                                    radius: 14
                                    color: chore.down ? "#d6e6e0" : (page.Material.theme === Material.Dark ? "#2a3331" : "#eef4f1")
                                    border.color: chore.when === "overdue" ? "#c62828" : "transparent"
                                    border.width: 2
                                }
                                contentItem: ColumnLayout {
                                    spacing: 2
                                    Label {
                                        Layout.fillWidth: true
                                        text: chore.title
                                        font.pixelSize: 20
                                        elide: Text.ElideRight
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        objectName: "choreWhen"
                                        text: [chore.whenText, chore.repeatText].filter(s => s.length > 0)
                                                                               .join(" \u00b7 ")
                                        font.pixelSize: 14
                                        color: chore.when === "overdue" ? "#c62828" : "#5f6b68"
                                        elide: Text.ElideRight
                                    }
                                }
                                onClicked: {
                                    // No face chosen: as the column's person, for this tap only.
                                    const chosen = page.kiosk.actingFor
                                    if (chosen.length === 0)
                                        page.kiosk.actingFor = column.person
                                    page.editor.setDone(chore.itemId, true)
                                    page.kiosk.actingFor = chosen
                                }
                            }
                        }
                    }
                }
            }
        }

        // Home: every list of the household as a tile.
        GridView {
            id: tiles
            objectName: "tiles"
            visible: !page.showingList
            // A few lists fill the screen in large tiles, centred; many make a grid.
            readonly property real room: page.width - 48
            readonly property int columns: Math.max(1, Math.min(count, Math.floor(room / 300)))
            readonly property int rows: Math.max(1, Math.ceil(count / columns))
            Layout.preferredWidth: columns * cellWidth
            Layout.alignment: Qt.AlignHCenter
            Layout.fillHeight: true
            Layout.margins: 24
            clip: true
            cellWidth: Math.min(room / columns, 520)
            cellHeight: Math.max(192, Math.min(360, height / rows))
            topMargin: Math.max(0, (height - rows * cellHeight) / 2)
            model: page.households.lists
            delegate: Item {
                id: cell
                required property string listId
                required property string name
                required property string kind
                required property int openCount
                required property var firstItems
                width: tiles.cellWidth
                height: tiles.cellHeight
                KioskTile {
                    anchors.fill: parent
                    anchors.margins: 12
                    name: cell.name
                    kind: cell.kind
                    openCount: cell.openCount
                    firstItems: cell.firstItems
                    onOpened: {
                        page.editor.listId = cell.listId
                        page.showingList = true
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: tiles.count === 0
                text: qsTr("No lists yet. Lists made on any family device show up here.")
                font.pixelSize: 22
                opacity: 0.6
            }
        }

        // One list, large.
        RowLayout {
            visible: page.showingList
            Layout.fillWidth: true
            Layout.margins: 20
            Layout.bottomMargin: 8
            spacing: 12
            TextField {
                id: addField
                objectName: "kioskAdd"
                Layout.fillWidth: true
                Layout.preferredHeight: 64
                font.pixelSize: 24
                placeholderText: qsTr("Add to %1…").arg(page.editor.name)
                Accessible.name: qsTr("New item")
                onAccepted: addButton.clicked()
            }
            Button {
                font.capitalization: Font.MixedCase
                id: addButton
                objectName: "kioskAddButton"
                Layout.preferredHeight: 64
                // At least 120, and wide enough for the word in every language.
                Layout.preferredWidth: Math.max(120, implicitWidth)
                text: qsTr("Add")
                font.pixelSize: 22
                highlighted: true
                Material.elevation: 0 // flat: drawn by every renderer, software too
                enabled: addField.text.trim().length > 0
                onClicked: {
                    page.editor.addItem(addField.text)
                    addField.text = ""
                }
            }
        }
        Pane {
            objectName: "kioskDuplicate"
            visible: page.showingList && page.editor.duplicateText.length > 0
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.rightMargin: 20
            Material.background: "#fff4e0"
            RowLayout {
                anchors.fill: parent
                Label {
                    Layout.fillWidth: true
                    text: page.editor.duplicateText
                    wrapMode: Text.WordWrap
                    color: "#5b4420"
                }
                Button {
                    visible: page.editor.moreText.length > 0
                    text: page.editor.moreText
                    Layout.preferredHeight: 56
                    onClicked: page.editor.addMore()
                }
                Button { text: qsTr("Add anyway"); Layout.preferredHeight: 56; flat: true; onClicked: page.editor.addAnyway() }
                Button { text: qsTr("Cancel"); Layout.preferredHeight: 56; flat: true; onClicked: page.editor.dismissDuplicate() }
            }
        }
        ListView {
            id: items
            objectName: "kioskItems"
            visible: page.showingList
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            clip: true
            model: page.editor.items
            section.property: page.editor.items.groupByCategory ? "category" : ""
            section.delegate: Label {
                // (The context property: Qt 6.4 does not set a required "section" again on
                // a header it reuses.)
                readonly property string key: section
                text: key.length > 0 ? key : qsTr("Other")
                topPadding: 14
                bottomPadding: 4
                leftPadding: 16
                font.pixelSize: 18
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                opacity: 0.6
            }
            delegate: KioskItemRow {
                now: page.now
                onDoneToggled: (done) => page.editor.setDone(itemId, done)
                onRemoved: page.editor.removeItem(itemId)
            }
            ScrollBar.vertical: ScrollBar { width: 16 }
            Label {
                anchors.centerIn: parent
                visible: items.count === 0
                text: qsTr("Nothing on this list.")
                font.pixelSize: 22
                opacity: 0.6
            }
        }

        Pane {
            objectName: "kioskUndo"
            visible: page.editor.undoText.length > 0 && undoTimer.running
            Layout.alignment: Qt.AlignHCenter
            Material.background: "#323739"
            RowLayout {
                Label { text: page.editor.undoText; color: "white"; font.pixelSize: 20 }
                Button {
                    font.capitalization: Font.MixedCase
                    text: qsTr("Undo")
                    flat: true
                    Layout.preferredHeight: 56
                    Material.foreground: "#8fe0c6"
                    onClicked: page.editor.undo()
                }
            }
            Timer { id: undoTimer; interval: 6000 }
            Connections {
                target: page.editor
                function onUndoChanged() { if (page.editor.undoText.length > 0) undoTimer.restart() }
            }
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: "#1f000000" }
        AvatarRow {
            objectName: "avatars"
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.rightMargin: 20
            members: page.households.members
            selected: page.kiosk.actingFor
            onPicked: (userId) => page.kiosk.actingFor = userId
        }
    }

    Toasts {
        model: page.session.toasts
        toastWidth: 420
        fontSize: 18
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 16
        onDismissRequested: (index) => page.session.toasts.dismiss(index)
        onOpenRequested: (listId) => {
            page.editor.openList(listId)
            page.showingList = true
        }
    }

    Popup {
        id: exitPopup
        objectName: "exitPopup"
        modal: true
        anchors.centerIn: Overlay.overlay
        padding: 28
        onClosed: pinPad.clear()
        ColumnLayout {
            spacing: 12
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Leave kiosk mode")
                font.pixelSize: 26
                font.weight: Font.DemiBold
            }
            PinPad {
                id: pinPad
                objectName: "pinPad"
                error: page.session.error
                onCancelled: exitPopup.close()
                onSubmitted: (pin) => page.kiosk.leave(pin)
            }
            Label {
                Layout.maximumWidth: 300
                visible: screen.status.length > 0 && !screen.inhibited
                text: screen.status
                wrapMode: Text.WordWrap
                font.pixelSize: 14
                opacity: 0.7
            }
        }
    }

    // At night the screen dims; a touch brightens it for two minutes.
    Rectangle {
        objectName: "nightShade"
        anchors.fill: parent
        z: 900
        color: "black"
        opacity: 0.6
        visible: page.night && !page.awake
        // The first touch only brightens; it does not check anything off in the dark.
        MouseArea {
            anchors.fill: parent
            onPressed: { page.awake = true; wakeTimer.restart() }
        }
    }

    // Over the whole window, the page's top bar too: nothing reacts while it is wiped.
    CleaningOverlay {
        id: cleaning
        objectName: "cleaning"
        parent: page.Window.contentItem
        anchors.fill: parent
    }
}
