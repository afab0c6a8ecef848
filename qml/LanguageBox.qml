import QtQuick
import QtQuick.Controls
import Kinlist

// The language setting: "As the system (Deutsch)" first, then each language in its own
// name. The model holds only the codes (the names are said by displayText and the
// delegate), so a new language does not replace the model and lose the choice shown.
ComboBox {
    id: box
    required property AppSettings settings
    model: [""].concat(box.settings.languages.map(l => l.code))
    function nameOf(code) {
        const name = c => box.settings.languages.find(l => l.code === c).name
        //: The first choice of the language setting: follow the computer's language.
        return code === "" ? qsTr("As the system (%1)").arg(name(box.settings.systemLanguage))
                           : name(code)
    }
    displayText: nameOf(currentValue)
    delegate: ItemDelegate {
        required property string modelData
        width: box.width
        text: box.nameOf(modelData)
        highlighted: box.highlightedIndex === box.model.indexOf(modelData)
    }
    currentIndex: Math.max(0, model.indexOf(box.settings.language))
    onActivated: (index) => box.settings.language = model[index]
    Accessible.name: qsTr("Language")
}
