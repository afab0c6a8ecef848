// Renders the app as a family sees it to PNG files in the build directory
// (screenshots/): the sign-in page, and the main window in light and dark with a live
// household of two people. Run under Xvfb (see tests/CMakeLists.txt), so the Material
// style draws with OpenGL as on a desktop. Each picture must have real content.
#include "common/testserver.h"
#include "ui/session.h"

#include <QDate>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QtQml/qqmlextensionplugin.h>
#include <functional>

Q_IMPORT_QML_PLUGIN(KinlistPlugin)

using kinlist::ui::ItemsModel;
using kinlist::ui::Session;

class TestScreenshots : public QObject
{
    Q_OBJECT
    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_out;

    QString address() const { return m_server.url().authority(); }

    // Loads the main window for `session` and saves it to `name`.png; `show` names an item
    // to make visible first (a panel).
    void shoot(Session *session, bool dark, const QString &name, const QString &show = {},
               int items = -1)
    {
        QQmlApplicationEngine engine;
        QVariantMap properties = session->qmlProperties();
        properties.insert(QStringLiteral("dark"), dark);
        engine.setInitialProperties(properties);
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Kinlist/Main.qml")));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        if (session->isKiosk())
            window->resize(1280, 800); // a kitchen tablet
        QVERIFY(QTest::qWaitForWindowExposed(window));
        if (QObject *kiosk = window->findChild<QObject *>(QStringLiteral("kioskPage"))) {
            // Daytime, whenever the test runs: no night shade.
            kiosk->setProperty("nightFrom", 24);
            kiosk->setProperty("nightUntil", 0);
            kiosk->setProperty("showingList", show == QLatin1String("kioskItems"));
        }
        if (items >= 0) {
            // The list really is drawn: one delegate per shown item.
            QObject *list = window->findChild<QObject *>(
                session->isKiosk() ? QStringLiteral("kioskItems") : QStringLiteral("items"));
            QVERIFY(list);
            QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), items, 5000);
        }
        if (show == QLatin1String("today")) {
            // Today in place of the open list, as the side bar's row shows it.
            auto *page = window->findChild<QObject *>(QStringLiteral("page"))
                             ->property("item")
                             .value<QObject *>();
            QVERIFY(page && QMetaObject::invokeMethod(page, "showToday"));
            QObject *today = window->findChild<QObject *>(QStringLiteral("today"));
            QVERIFY(today);
            QTRY_VERIFY_WITH_TIMEOUT(today->property("count").toInt() > 0, 5000);
        } else if (!show.isEmpty()) {
            QObject *panel = window->findChild<QObject *>(show);
            QVERIFY(panel);
            if (panel->metaObject()->indexOfMethod("open()") >= 0) {
                // A popup: shown once its opening animation is over.
                QSignalSpy opened(panel, SIGNAL(opened()));
                QMetaObject::invokeMethod(panel, "open");
                QVERIFY(opened.wait(5000));
            } else {
                panel->setProperty("visible", true);
            }
        }
        save(window, name);
    }

    // Saves what `window` shows to `name`.png, once it has settled.
    void save(QQuickWindow *window, const QString &name)
    {
        // A few frames, so that layouts and fonts have settled (asked for: a still scene
        // draws none by itself).
        QSignalSpy frames(window, &QQuickWindow::frameSwapped);
        for (int i = 0; i < 50 && frames.size() < 4; ++i) {
            window->update();
            frames.wait(200);
        }
        QVERIFY(frames.size() >= 4);
        const QImage image = window->grabWindow();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), window->size() * window->devicePixelRatio());
        // Real content: many colours, not a blank or single-colour window.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 40, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
        const QString file = QDir(m_out).filePath(name + QStringLiteral(".png"));
        QVERIFY(image.save(file));
        qInfo("saved %s", qPrintable(file));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_out = QDir::current().filePath(QStringLiteral("screenshots"));
        QVERIFY(QDir().mkpath(m_out));
    }

    void signInPage()
    {
        Session s(m_server.url(), m_dir.filePath(QStringLiteral("fresh")));
        shoot(&s, false, QStringLiteral("signin"));
    }

    void mainWindow()
    {
        Session mum(m_server.url(), m_dir.filePath(QStringLiteral("mum")));
        mum.user()->createAccount(address(), QStringLiteral("Mum"),
                                  QStringLiteral("mum@shots.example"),
                                  QStringLiteral("password-mum"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.status()->state(), QStringLiteral("live"), 10000);
        mum.households()->createHousehold(QStringLiteral("The Smiths"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.households()->all().size(), 1, 10000);
        mum.households()->createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
        mum.editor()->addItem(QStringLiteral("Take the bins out"));
        mum.households()->createList(QStringLiteral("Groceries"), QStringLiteral("shopping"));
        for (const char *title : {"Milk", "Sourdough bread", "Eggs (a dozen)", "Coffee beans",
                                  "Apples", "Washing-up liquid"})
            mum.editor()->addItem(QString::fromLatin1(title));
        // Categories and quantities, as a family would fill them in.
        const auto details = [&](const char *title, const char *category, const char *quantity) {
            for (int i = 0; i < mum.editor()->items()->rowCount(); ++i) {
                const QModelIndex idx = mum.editor()->items()->index(i);
                if (idx.data(ItemsModel::TitleRole).toString() == QLatin1String(title))
                    mum.editor()->updateItem(
                        idx.data(ItemsModel::IdRole).toString(),
                        {{QStringLiteral("category"), QString::fromLatin1(category)},
                         {QStringLiteral("quantity"), QString::fromLatin1(quantity)}});
            }
        };
        details("Milk", "Dairy", "2");
        details("Eggs (a dozen)", "Dairy", "1");
        details("Sourdough bread", "Bakery", "1");
        details("Apples", "Fruit", "6");
        QTRY_COMPARE_WITH_TIMEOUT(mum.status()->pendingCount(), 0, 10000);

        // Dad joins and checks the milk off; Mum sees who did it.
        mum.households()->createInvite();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.households()->inviteCode().isEmpty(), 10000);
        const QString code = mum.households()->inviteCode();
        Session dad(m_server.url(), m_dir.filePath(QStringLiteral("dad")));
        dad.user()->createAccount(address(), QStringLiteral("Dad"),
                                  QStringLiteral("dad@shots.example"),
                                  QStringLiteral("password-dad"));
        QTRY_COMPARE_WITH_TIMEOUT(dad.status()->state(), QStringLiteral("live"), 10000);
        dad.households()->joinHousehold(code);
        QTRY_COMPARE_WITH_TIMEOUT(dad.households()->lists()->rowCount(), 2, 10000);
        dad.editor()->setListId(mum.editor()->listId());
        QTRY_COMPARE_WITH_TIMEOUT(dad.editor()->items()->rowCount(), 6, 10000);
        dad.editor()->setDone(dad.editor()->items()->index(0).data(ItemsModel::IdRole).toString(),
                              true);
        dad.editor()->addItem(QStringLiteral("Birthday candles"));
        // Milk checked off (folded away), then the candles added: six open items.
        QTRY_COMPARE_WITH_TIMEOUT(mum.editor()->items()->doneCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(mum.editor()->items()->rowCount(), 6, 10000);

        // Chores with dates and people: the bins are Dad's today, the plants Mum's
        // tomorrow, the gas bill anyone's and overdue.
        const QString groceries = mum.editor()->listId();
        mum.editor()->setListId(mum.households()->lists()->idAt(0));
        QCOMPARE(mum.editor()->name(), QStringLiteral("Chores"));
        mum.editor()->addItem(QStringLiteral("Water the plants"));
        mum.editor()->addItem(QStringLiteral("Pay the gas bill"));
        const QDate today = QDate::currentDate();
        const QHash<QString, QVariantMap> plans {
            {QStringLiteral("Take the bins out"),
             {{QStringLiteral("due"), today.toString(Qt::ISODate) + QStringLiteral("T19:00:00")},
              {QStringLiteral("assignee"), dad.account()->userId()}}},
            {QStringLiteral("Water the plants"),
             {{QStringLiteral("due"), today.addDays(1).toString(Qt::ISODate)},
              {QStringLiteral("assignee"), mum.account()->userId()}}},
            {QStringLiteral("Pay the gas bill"),
             {{QStringLiteral("due"), today.addDays(-2).toString(Qt::ISODate)}}}};
        for (int i = 0; i < mum.editor()->items()->rowCount(); ++i) {
            const QModelIndex idx = mum.editor()->items()->index(i);
            const QString title = idx.data(ItemsModel::TitleRole).toString();
            if (plans.contains(title))
                mum.editor()->updateItem(idx.data(ItemsModel::IdRole).toString(), plans[title]);
        }
        QTRY_COMPARE_WITH_TIMEOUT(mum.households()->today()->count(), 3, 10000);
        mum.editor()->setListId(groceries);

        // The kitchen tablet, paired by Mum; Dad has tapped his face.
        mum.kiosk()->createCode();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.kiosk()->code().isEmpty(), 10000);
        Session tablet(m_server.url(), m_dir.filePath(QStringLiteral("tablet")),
                       Session::Mode::Kiosk);
        shoot(&tablet, false, QStringLiteral("kiosk-pair"));
        tablet.kiosk()->pair(address(), mum.kiosk()->code(), QStringLiteral("Kitchen"),
                             QStringLiteral("2468"), QStringLiteral("2468"));
        QTRY_COMPARE_WITH_TIMEOUT(tablet.households()->lists()->rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(tablet.households()->members().size(), 3, 10000);
        for (const QVariant &m : tablet.households()->members()) {
            if (m.toMap().value(QStringLiteral("displayName")).toString() == QLatin1String("Dad"))
                tablet.kiosk()->setActingFor(m.toMap().value(QStringLiteral("userId")).toString());
        }
        QTRY_COMPARE_WITH_TIMEOUT(tablet.status()->state(), QStringLiteral("live"), 10000);
        shoot(&tablet, false, QStringLiteral("kiosk-home"), QStringLiteral("tiles"));
        tablet.editor()->setListId(mum.editor()->listId());
        shoot(&tablet, false, QStringLiteral("kiosk-list"), QStringLiteral("kioskItems"), 6);
        shoot(&tablet, false, QStringLiteral("kiosk-exit"), QStringLiteral("exitPopup"));
        // German words are long: the tablet's large buttons and tiles still hold them.
        tablet.settings()->setLanguage(QStringLiteral("de"));
        shoot(&tablet, false, QStringLiteral("kiosk-list-de"), QStringLiteral("kioskItems"), 6);
        tablet.editor()->setListId({});
        shoot(&tablet, false, QStringLiteral("kiosk-home-de"), QStringLiteral("tiles"));
        tablet.settings()->setLanguage(QString());

        // One change of Mum's waits to be sent.
        mum.account()->sync()->stop();
        mum.editor()->addItem(QStringLiteral("Butter"));
        // Seven open items (Milk is done and folded away).
        shoot(&mum, false, QStringLiteral("main-light"), {}, 7);
        shoot(&mum, true, QStringLiteral("main-dark"), {}, 7);
        shoot(&mum, false, QStringLiteral("main-activity"), QStringLiteral("activityPanel"), 7);
        shoot(&mum, false, QStringLiteral("settings"), QStringLiteral("settingsDialog"));
        shoot(&mum, false, QStringLiteral("today-light"), QStringLiteral("today"));
        shoot(&mum, true, QStringLiteral("today-dark"), QStringLiteral("today"));
        mum.settings()->setLanguage(QStringLiteral("de"));
        shoot(&mum, false, QStringLiteral("today-de"), QStringLiteral("today"));
        mum.settings()->setLanguage(QString());
    }

    // Settings > Language in the running window: German at once, the dialog's own words
    // included, and the choice still shown; then each language's main window.
    void languageSwitchesInTheWindow()
    {
        Session oma(m_server.url(), m_dir.filePath(QStringLiteral("oma")));
        oma.user()->createAccount(address(), QStringLiteral("Oma"),
                                  QStringLiteral("oma@shots.example"),
                                  QStringLiteral("password-oma"));
        QTRY_COMPARE_WITH_TIMEOUT(oma.status()->state(), QStringLiteral("live"), 10000);
        oma.households()->createHousehold(QStringLiteral("Familie Berger"));
        QTRY_COMPARE_WITH_TIMEOUT(oma.households()->all().size(), 1, 10000);
        oma.households()->createList(QStringLiteral("Putzplan"), QStringLiteral("tasks"));
        oma.editor()->addItem(QStringLiteral("Fenster putzen"));
        oma.editor()->updateItem(
            oma.editor()->items()->index(0).data(ItemsModel::IdRole).toString(),
            {{QStringLiteral("due"), QStringLiteral("2026-12-24")}});
        oma.households()->createList(QStringLiteral("Einkauf"), QStringLiteral("shopping"));
        for (const char *title : {"Milch", "Brezeln", "Äpfel"})
            oma.editor()->addItem(QString::fromUtf8(title));
        oma.editor()->updateItem(
            oma.editor()->items()->index(2).data(ItemsModel::IdRole).toString(),
            {{QStringLiteral("quantity"), QStringLiteral("1.5")},
             {QStringLiteral("unit"), QStringLiteral("kg")}});
        oma.editor()->setDone(oma.editor()->items()->index(0).data(ItemsModel::IdRole).toString(),
                              true);
        QTRY_COMPARE_WITH_TIMEOUT(oma.status()->pendingCount(), 0, 10000);

        QQmlApplicationEngine engine;
        connect(oma.settings(), &kinlist::ui::AppSettings::languageChanged, &engine,
                &QQmlEngine::retranslate);
        engine.setInitialProperties(oma.qmlProperties());
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Kinlist/Main.qml")));
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject *dialog = window->findChild<QObject *>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        QSignalSpy opened(dialog, SIGNAL(opened()));
        QMetaObject::invokeMethod(dialog, "open");
        QVERIFY(opened.wait(5000));
        QObject *close = window->findChild<QObject *>(QStringLiteral("settingsClose"));
        QObject *combo = window->findChild<QObject *>(QStringLiteral("language"));
        QVERIFY(close && combo);
        QCOMPARE(close->property("text").toString(), QStringLiteral("Close"));
        QCOMPARE(combo->property("currentIndex").toInt(), 0); // as the system

        // The user picks Deutsch (the third entry: system, English, Deutsch, ...).
        QCOMPARE(combo->property("count").toInt(), 5);
        combo->setProperty("currentIndex", 2);
        QMetaObject::invokeMethod(combo, "activated", Q_ARG(int, 2));
        QCOMPARE(oma.settings()->language(), QStringLiteral("de"));
        QTRY_COMPARE(close->property("text").toString(),
                     QCoreApplication::translate("SettingsDialog", "Close"));
        QVERIFY(close->property("text").toString() != QLatin1String("Close"));
        QCOMPARE(dialog->property("title").toString(),
                 QCoreApplication::translate("SettingsDialog", "Settings"));
        QCOMPARE(combo->property("currentIndex").toInt(), 2);
        QCOMPARE(combo->property("displayText").toString(), QStringLiteral("Deutsch"));
        save(window, QStringLiteral("settings-de"));
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
        save(window, QStringLiteral("main-de"));
        for (const QString &code : {QStringLiteral("es"), QStringLiteral("fr")}) {
            oma.settings()->setLanguage(code);
            save(window, QStringLiteral("main-") + code);
        }
        oma.editor()->setListId(oma.households()->lists()->idAt(0));
        QTRY_COMPARE(oma.editor()->name(), QStringLiteral("Putzplan"));
        save(window, QStringLiteral("tasks-fr"));
        oma.settings()->setLanguage(QString());
        QTRY_COMPARE(close->property("text").toString(), QStringLiteral("Close"));
    }

    // The real main window: an item dragged by its handle lands where it is let go.
    void dragToReorder()
    {
        Session kim(m_server.url(), m_dir.filePath(QStringLiteral("kim")));
        kim.user()->createAccount(address(), QStringLiteral("Kim"),
                                  QStringLiteral("kim@shots.example"),
                                  QStringLiteral("password-kim"));
        QTRY_COMPARE_WITH_TIMEOUT(kim.status()->state(), QStringLiteral("live"), 10000);
        kim.households()->createHousehold(QStringLiteral("Kim's"));
        QTRY_COMPARE_WITH_TIMEOUT(kim.households()->all().size(), 1, 10000);
        kim.households()->createList(QStringLiteral("Packing"), QStringLiteral("tasks"));
        for (const char *title : {"Tent", "Stove", "Torch", "Maps"})
            kim.editor()->addItem(QString::fromLatin1(title));
        const auto titles = [&] {
            QStringList out;
            for (int i = 0; i < kim.editor()->items()->rowCount(); ++i)
                out << kim.editor()->items()->index(i).data(ItemsModel::TitleRole).toString();
            return out;
        };
        QCOMPARE(titles().join(u','), QStringLiteral("Tent,Stove,Torch,Maps"));

        QQmlApplicationEngine engine;
        engine.setInitialProperties(kim.qmlProperties());
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Kinlist/Main.qml")));
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QQuickItem *list = window->findChild<QQuickItem *>(QStringLiteral("items"));
        QVERIFY(list);
        QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), 4, 5000);
        // Delegates are visual children of the list, not QObject children.
        QList<QQuickItem *> handles;
        const std::function<void(QQuickItem *)> collect = [&](QQuickItem *item) {
            if (item->objectName() == QLatin1String("dragHandle"))
                handles << item;
            for (QQuickItem *child : item->childItems())
                collect(child);
        };
        collect(list);
        QCOMPARE(handles.size(), 4);
        std::sort(handles.begin(), handles.end(), [](QQuickItem *a, QQuickItem *b) {
            return a->mapToScene({}).y() < b->mapToScene({}).y();
        });
        // Tent, by its handle, to below Torch.
        const QPoint from = handles[0]->mapToScene(handles[0]->boundingRect().center()).toPoint();
        const QPoint to = handles[2]->mapToScene(handles[2]->boundingRect().center()).toPoint();
        QTest::mousePress(window, Qt::LeftButton, {}, from);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(window, from + (to - from) * step / 10, 20);
        QTRY_VERIFY(window->findChild<QQuickItem *>(QStringLiteral("dropLine"))->isVisible());
        QTest::mouseRelease(window, Qt::LeftButton, {}, to);
        QTRY_COMPARE_WITH_TIMEOUT(titles().join(u','), QStringLiteral("Stove,Torch,Tent,Maps"),
                                  5000);
        QVERIFY(!window->findChild<QQuickItem *>(QStringLiteral("dropLine"))->isVisible());
        QCOMPARE(kim.editor()->undoText(), QStringLiteral("Tent moved"));
    }
};

int main(int argc, char *argv[])
{
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QGuiApplication app(argc, argv);
    TestScreenshots tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_screenshots.moc"
