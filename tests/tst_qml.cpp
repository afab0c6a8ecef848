// Qt Quick Test runner for the QML components in tests/qml, with the app's QML module
// (Kinlist) linked in statically.
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(KinlistPlugin)

class Setup : public QObject
{
    Q_OBJECT
public:
    Setup() { QQuickStyle::setStyle(QStringLiteral("Material")); }

public Q_SLOTS:
    // Qt 6.4 does not look for modules in the resources by itself.
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(kinlist_qml, Setup)

#include "tst_qml.moc"
