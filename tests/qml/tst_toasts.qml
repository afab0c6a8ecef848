import QtQuick
import QtTest
import QtQuick.Controls.Material
import Kinlist

// The toast stack as a view: one toast per entry of its model, folded to the newest with
// "1 more" above it, errors look different, the close button dismisses that toast, and a
// tap opens its list and dismisses it.
TestCase {
    id: tc
    name: "Toasts"
    width: 500
    height: 400
    visible: true
    when: windowShown

    ListModel {
        id: toastModel
        ListElement { text: "Dad added 4 items to Groceries"; kind: "change"; listId: "l-groceries" }
        ListElement { text: "A change could not be saved (forbidden)."; kind: "error"; listId: "" }
    }
    Component { id: toastsComponent; Toasts { model: toastModel } }
    SignalSpy { id: dismissed; signalName: "dismissRequested" }
    SignalSpy { id: opened; signalName: "openRequested" }

    function make() {
        const t = createTemporaryObject(toastsComponent, tc)
        dismissed.target = t; dismissed.clear()
        opened.target = t; opened.clear()
        return t
    }

    function toasts(stack) {
        const out = []
        for (let i = 0; i < stack.children.length; ++i) {
            if (stack.children[i].hasOwnProperty("kind"))
                out.push(stack.children[i])
        }
        return out
    }
    function toastAt(stack, i) { return toasts(stack)[i] }

    function test_oneToastPerEntry() {
        const stack = make()
        tryVerify(() => toasts(stack).length === 2)
        const change = toastAt(stack, 0)
        const error = toastAt(stack, 1)
        compare(change.text, "Dad added 4 items to Groceries")
        verify(change.Material.background !== error.Material.background,
               "an error looks different")
        toastModel.append({ text: "Mum checked off Milk", kind: "change", listId: "l-g" })
        tryVerify(() => toasts(stack).length === 3)
        toastModel.remove(2)
    }

    function test_closeDismisses() {
        const stack = make()
        const toast = toastAt(stack, 1)
        const close = findChild(toast, "dismissToast")
        verify(close)
        verify(close.width >= 48 && close.height >= 48, "a touch-sized close button")
        mouseClick(close)
        compare(dismissed.count, 1)
        compare(dismissed.signalArguments[0][0], 1)
        compare(opened.count, 0)
    }

    function test_foldedToTheNewest() {
        const stack = make()
        tryVerify(() => toasts(stack).length === 2)
        verify(!toastAt(stack, 0).visible, "the older toast is folded away")
        verify(toastAt(stack, 1).visible)
        const more = findChild(stack, "moreToasts")
        verify(more.visible)
        compare(more.text, "1 more")
        verify(stack.height < toastAt(stack, 1).height * 2, "one toast high, not two")
        mouseClick(more)
        verify(stack.expanded)
        verify(toastAt(stack, 0).visible && toastAt(stack, 1).visible)
        verify(!more.visible)
        // Down to one, it folds again.
        toastModel.append({ text: "Mum checked off Milk", kind: "change", listId: "l-g" })
        verify(toastAt(stack, 0).visible)
        toastModel.remove(2)
        toastModel.remove(0)
        verify(!stack.expanded)
        toastModel.insert(0, { text: "Dad added 4 items to Groceries", kind: "change",
                               listId: "l-groceries" })
        verify(!toastAt(stack, 0).visible)
    }

    function test_tapOpensTheList() {
        const stack = make()
        mouseClick(findChild(stack, "moreToasts"))
        const toast = toastAt(stack, 0)
        mouseClick(toast, 20, toast.height / 2)
        compare(opened.count, 1)
        compare(opened.signalArguments[0][0], "l-groceries")
        compare(dismissed.count, 1)
        compare(dismissed.signalArguments[0][0], 0)
        // An error has no list to open: it is only dismissed.
        const error = toastAt(stack, 1)
        mouseClick(error, 20, error.height / 2)
        compare(opened.count, 1)
        compare(dismissed.count, 2)
    }
}
