import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kinlist
import "listcolors.js" as ListColors

// What can be done to a list as a whole: its menu (from the header's button, a right
// click or the Menu key on its row in the side bar), the dialog that renames it and
// gives it a colour, and the question before deleting it. Each change can be undone.
Item {
    id: actions
    required property ListEditor editor

    property string listId
    property var info: ({}) // editor.listInfo(listId), read when the menu opens

    // The menu of a list, under `anchor` (or at the pointer when none is given).
    function openMenu(id, anchor) {
        actions.listId = id
        actions.info = editor.listInfo(id)
        if (!actions.info.name)
            return
        if (anchor)
            menu.popup(anchor, 0, anchor.height)
        else
            menu.popup()
    }
    function edit(id) {
        actions.listId = id
        actions.info = editor.listInfo(id)
        if (!actions.info.name)
            return
        nameField.text = actions.info.name
        editDialog.color = actions.info.color
        editDialog.open()
    }
    function orderCategories() {
        categories.clear()
        for (const name of actions.editor.categoriesToOrder())
            categories.append({ name: name })
        orderDialog.open()
    }
    function confirmDelete(id) {
        actions.listId = id
        actions.info = editor.listInfo(id)
        if (!actions.info.name)
            return
        deleteDialog.open()
    }

    Menu {
        id: menu
        objectName: "listMenu"
        // As wide as its longest entry (in any language), never eliding one.
        width: {
            let widest = 200
            for (let i = 0; i < count; ++i)
                widest = Math.max(widest, itemAt(i).implicitWidth)
            return widest + leftPadding + rightPadding
        }
        MenuItem {
            objectName: "editList"
            text: qsTr("Rename and colour…")
            icon.source: "qrc:/icons/adwaita/document-edit-symbolic.svg"
            onTriggered: actions.edit(actions.listId)
        }
        MenuItem {
            objectName: "clearDoneMenu"
            text: qsTr("Clear done items")
            icon.source: "qrc:/icons/adwaita/edit-clear-all-symbolic.svg"
            // Only the open list's: its done items are the ones on screen.
            enabled: actions.listId === actions.editor.listId && (actions.info.done || 0) > 0
            onTriggered: actions.editor.clearDone()
        }
        MenuItem {
            objectName: "categoryOrderMenu"
            text: qsTr("Order of categories…")
            icon.source: "qrc:/icons/adwaita/view-list-bullet-symbolic.svg"
            // The open shopping list's: the order its items group by.
            visible: actions.listId === actions.editor.listId && actions.info.kind === "shopping"
            height: visible ? implicitHeight : 0
            onTriggered: actions.orderCategories()
        }
        MenuItem {
            objectName: "archiveList"
            text: actions.info.archived ? qsTr("Take out of the archive") : qsTr("Archive")
            icon.source: "qrc:/icons/adwaita/package-x-generic-symbolic.svg"
            onTriggered: actions.editor.setListArchived(actions.listId, !actions.info.archived)
        }
        MenuSeparator {}
        MenuItem {
            objectName: "deleteList"
            text: qsTr("Delete list…")
            icon.source: "qrc:/icons/adwaita/edit-delete-symbolic.svg"
            onTriggered: actions.confirmDelete(actions.listId)
        }
    }

    Dialog {
        id: editDialog
        objectName: "editListDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: Math.min(400, parent ? parent.width - 32 : 400)
        title: qsTr("Rename and colour")
        property string color
        onOpened: { nameField.forceActiveFocus(); nameField.selectAll() }
        onAccepted: {
            actions.editor.renameList(actions.listId, nameField.text)
            actions.editor.setListColor(actions.listId, editDialog.color)
        }
        footer: DialogButtonBox {
            Button {
                font.capitalization: Font.MixedCase
                objectName: "editListSave"
                text: qsTr("Save")
                enabled: nameField.text.trim().length > 0
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                font.capitalization: Font.MixedCase
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 12
            TextField {
                id: nameField
                objectName: "editListName"
                Layout.fillWidth: true
                maximumLength: 200
                Accessible.name: qsTr("Name of the list")
                onAccepted: if (text.trim().length > 0) editDialog.accept()
            }
            Label { text: qsTr("Colour"); opacity: 0.7 }
            // No colour, then the palette: arrows move between them, Space picks one.
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: [""].concat(ListColors.names)
                    delegate: AbstractButton {
                        id: swatch
                        required property string modelData
                        objectName: "color_" + (modelData || "none")
                        width: 36; height: 36
                        checkable: true
                        checked: editDialog.color === modelData
                        onClicked: editDialog.color = modelData
                        focusPolicy: Qt.StrongFocus
                        Accessible.role: Accessible.RadioButton
                        Accessible.name: ListColors.label(modelData)
                        ToolTip.visible: hovered || visualFocus
                        ToolTip.text: ListColors.label(modelData)
                        Keys.onLeftPressed: nextItemInFocusChain(false).forceActiveFocus()
                        Keys.onRightPressed: nextItemInFocusChain(true).forceActiveFocus()
                        background: Rectangle {
                            radius: width / 2
                            color: swatch.modelData ? ListColors.color(swatch.modelData, Material.theme === Material.Dark)
                                                    : "transparent"
                            border.width: swatch.checked || swatch.visualFocus ? 3 : 1
                            border.color: swatch.checked || swatch.visualFocus ? Material.foreground
                                                                                : Material.dividerColor
                        }
                        contentItem: Label {
                            text: swatch.modelData ? "" : "∅"
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                            opacity: 0.6
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: deleteDialog
        objectName: "deleteListDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: Math.min(420, parent ? parent.width - 32 : 420)
        title: qsTr("Delete “%1”?").arg(actions.info.name || "")
        onAccepted: actions.editor.deleteList(actions.listId)
        footer: DialogButtonBox {
            Button {
                font.capitalization: Font.MixedCase
                objectName: "deleteListConfirm"
                text: qsTr("Delete list")
                Material.foreground: Material.Red
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "deleteListCancel"
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        Label {
            objectName: "deleteListText"
            width: parent.width
            wrapMode: Text.WordWrap
            text: (actions.info.items || 0) === 0
                  ? qsTr("The list is empty. It goes for everyone in the household.")
                  : qsTr("Its %n item(s) go with it, for everyone in the household.", "",
                         actions.info.items || 0)
        }
    }

    // The order a family walks the shop: the open shopping list groups its items by it.
    // Each category moves up or down by its buttons (or Alt+Up/Down on them).
    ListModel { id: categories }
    Dialog {
        id: orderDialog
        objectName: "categoryOrderDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: Math.min(420, parent ? parent.width - 32 : 420)
        height: Math.min(implicitHeight, parent ? parent.height - 32 : 600)
        title: qsTr("Order of categories")
        onAccepted: {
            const order = []
            for (let i = 0; i < categories.count; ++i)
                order.push(categories.get(i).name)
            actions.editor.setCategoryOrder(order)
        }
        footer: DialogButtonBox {
            Button {
                font.capitalization: Font.MixedCase
                objectName: "categoryOrderSave"
                text: qsTr("Save")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                font.capitalization: Font.MixedCase
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        contentItem: ListView {
            id: orderList
            objectName: "categoryOrderList"
            implicitHeight: contentHeight
            clip: true
            model: categories
            Accessible.name: qsTr("Categories in shop order")
            ScrollBar.vertical: ScrollBar {}
            delegate: RowLayout {
                id: category
                required property string name
                required property int index
                objectName: "categoryRow"
                width: ListView.view.width
                function move(by) {
                    const to = category.index + by
                    if (to < 0 || to >= categories.count)
                        return
                    categories.move(category.index, to, 1)
                    orderList.positionViewAtIndex(to, ListView.Contain)
                }
                Label {
                    text: (category.index + 1) + ".  " + category.name
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                ToolButton {
                    objectName: "categoryUp"
                    Layout.preferredHeight: 36
                    icon.source: "qrc:/icons/adwaita/pan-up-symbolic.svg"
                    enabled: category.index > 0
                    onClicked: category.move(-1)
                    Keys.onUpPressed: (event) => { event.accepted = (event.modifiers & Qt.AltModifier) !== 0; if (event.accepted) category.move(-1) }
                    Accessible.name: qsTr("Move %1 up").arg(category.name)
                }
                ToolButton {
                    objectName: "categoryDown"
                    Layout.preferredHeight: 36
                    icon.source: "qrc:/icons/adwaita/pan-down-symbolic.svg"
                    enabled: category.index < categories.count - 1
                    onClicked: category.move(1)
                    Keys.onDownPressed: (event) => { event.accepted = (event.modifiers & Qt.AltModifier) !== 0; if (event.accepted) category.move(1) }
                    Accessible.name: qsTr("Move %1 down").arg(category.name)
                }
            }
        }
    }
}
