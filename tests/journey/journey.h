#pragma once

#include "ui/appwindow.h"

#include <QApplication>
#include <QDate>
#include <QPointer>
#include <QProcess>
#include <QQuickItem>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// What the journey tests (tests/journey/tst_journey_*.cpp) are made of: the real
// kinlist-server binary on a loopback port, and people at the real window (Main.qml started
// by the app's own AppWindow), who find controls by objectName or accessible name, click,
// type, press keys and drag with the mouse, and read what the screen shows.
namespace journey {

// kinlist-server (KINLIST_SERVER_BIN) in its own temporary data directory.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();
    // Starts on `port` (0: an ephemeral one, then kept for restarts); false if it did not
    // come up within 10 s.
    bool start(quint16 port = 0);
    // SIGTERM and wait: the server drains and exits.
    void stop();
    quint16 port() const { return m_port; }
    // "127.0.0.1:port", as typed into the sign-in page.
    QString address() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// One person at one app window, with a data directory of their own (one device).
class Person
{
public:
    // `dataDirectory` empty: a temporary one of its own.
    explicit Person(const QString &server, bool kiosk = false, QString dataDirectory = {});
    ~Person();

    // Starts the app (AppWindow::load) and shows the window at `size`; false on failure.
    bool open(QSize size = QSize(1100, 720));
    // Starts the app as the desktop does at login (--minimized): in the tray when there is
    // one, else a minimized window. False on failure.
    bool openAtLogin();
    // Closes the app, as the person quitting it (the data directory stays for open()).
    void close();
    QQuickWindow *window() const;
    kinlist::ui::AppWindow *app() const { return m_app.get(); }
    QString dataDirectory() const { return m_dataDirectory; }
    void resize(QSize size);

    // The first visible item with this objectName (or, failing that, accessible name).
    QQuickItem *find(const QString &name, QQuickItem *within = nullptr) const;
    // Every visible item with this objectName, in the order of the visual tree.
    QList<QQuickItem *> findAll(const QString &name, QQuickItem *within = nullptr) const;
    // The first visible item of an open popup (a menu, a combo box's list, a dialog) with
    // this objectName or accessible name.
    QQuickItem *inPopup(const QString &name) const;
    // Whether an item of this objectName exists and is visible.
    bool visible(const QString &name) const { return find(name) != nullptr; }
    // The row of a list (ItemRow, list tile, activity entry) whose accessible name is
    // `name`, within the visible view `view` (an objectName).
    QQuickItem *row(const QString &view, const QString &name) const;
    // Titles of the rows the items list shows, top to bottom.
    QStringList itemTitles() const;
    // The texts the screen shows (visible Text items), for "does it say X".
    QStringList texts(QQuickItem *within = nullptr) const;
    bool shows(const QString &text) const;

    // A click (left unless told) on the middle of `item` (or `at`, in item coordinates);
    // false if it is not visible, enabled and inside the window.
    bool click(QQuickItem *item, QPointF at = QPointF(-1, -1),
               Qt::MouseButton button = Qt::LeftButton);
    // Brings the window to the front with the keyboard (before each click and key).
    void activate();
    // Waits until no popup is still fading or growing in or out.
    void settle() const;
    bool click(const QString &name) { return click(find(name)); }
    bool doubleClick(QQuickItem *item);
    // Rests the pointer on the middle of `item` (the display's pointer as well).
    bool hover(QQuickItem *item);
    // Clicks the field and types into it (replacing what it holds when `replace`).
    bool typeInto(const QString &name, const QString &text, bool replace = true);
    void type(const QString &text);
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // Presses on `item`, moves the mouse in steps to `to` (window coordinates), releases.
    bool drag(QQuickItem *item, QPointF to);
    // The item that has the keyboard focus.
    QQuickItem *focused() const;
    // The accessible name of `item` as assistive technology reads it.
    static QString accessibleName(QQuickItem *item);
    // Saves the window to `name`.png in the build's screenshots directory.
    bool screenshot(const QString &name);

private:
    std::unique_ptr<kinlist::ui::AppWindow> makeApp(bool atLogin) const;

    QString m_server;
    bool m_kiosk;
    std::unique_ptr<QTemporaryDir> m_ownDir;
    QString m_dataDirectory;
    std::unique_ptr<kinlist::ui::AppWindow> m_app;
};

// The text an item shows ("" for none).
QString textOf(const QQuickItem *item);
// Where an item is, in window coordinates.
QRectF sceneRect(const QQuickItem *item);
// The row of the open list titled `title`, and a control (by objectName) inside it.
QQuickItem *itemRow(const Person &p, const QString &title);
QQuickItem *inRow(const Person &p, const QString &title, const QString &control);
// The word the connection status pill shows ("Live", "Offline", ...).
QString statusWord(const Person &p);

// Signs `p` up through the sign-in page and makes (or, with `inviteCode`, joins) a
// household through the household page; false with a warning at the first step that fails.
bool signUp(Person &p, const QString &name, const QString &email,
            const QString &household = QStringLiteral("The Smiths"),
            const QString &inviteCode = {});
// Makes a list through the side bar: its name, its kind ("shopping" or "tasks").
bool makeList(Person &p, const QString &name, const QString &kind);
// Adds items to the open list through the "Add an item" field.
bool addItems(Person &p, const QStringList &titles);
// Makes an invite code in the invite dialog and closes it; "" if none showed.
QString inviteCode(Person &owner);
// Opens a task's details on the open list and gives it a due date (typed, in the locale's
// short form) and, unless `who` is empty, a person (chosen in "Assigned to").
bool planTask(Person &p, const QString &title, QDate due, const QString &who);
// Opens a task's details on the open list, chooses `rule` ("Every week") in "Repeats" and,
// when `takeTurns`, ticks "Take turns" (everyone, from whoever has it now), and saves.
bool repeatTask(Person &p, const QString &title, const QString &rule, bool takeTurns);

// Opens Settings and chooses `language` ("Deutsch") in it; Settings stays open.
bool chooseLanguage(Person &p, const QString &language);

// Opens the list of this name from the side bar (its row says "Groceries, 2 open").
bool openList(Person &p, const QString &name);
// Opens the household's activity ("Everything") and says whether it shows `sentence`
// (waiting up to 5 s for it). The panel stays open; Escape closes it.
bool activityShows(Person &p, const QString &sentence);

// Registers the app's QML module and sets the style, before the first window.
void initApp();

} // namespace journey

// main() of a journey test: a QApplication (the tray is widgets), the app's QML module and style.
#define KINLIST_JOURNEY_MAIN(TestObject)                                                           \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QApplication app(argc, argv);                                                              \
        journey::initApp();                                                                        \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
