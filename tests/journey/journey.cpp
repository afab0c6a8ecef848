#include "journey.h"

#include <QAccessible>
#include <QCursor>
#include <QDir>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(KinlistPlugin)

namespace journey {

void initApp()
{
    QCoreApplication::setOrganizationDomain(QStringLiteral("kinlist.org"));
    QCoreApplication::setApplicationName(QStringLiteral("kinlist-journey"));
    QQuickStyle::setStyle(QStringLiteral("Material"));
}

// ---- the server ----

ServerProcess::ServerProcess()
{
    m_process.setProgram(qEnvironmentVariable("KINLIST_SERVER_BIN"));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(quint16 port)
{
    if (m_process.program().isEmpty()) {
        qWarning("KINLIST_SERVER_BIN is not set (run through ctest)");
        return false;
    }
    m_process.setArguments({QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:%1").arg(port ? port : m_port),
                            QStringLiteral("--data"), m_dir.filePath(QStringLiteral("data")),
                            QStringLiteral("--password-hash"), QStringLiteral("min")});
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return false;
    QByteArray out;
    const QRegularExpression re(QStringLiteral("listening on ws://127\\.0\\.0\\.1:(\\d+)"));
    QRegularExpressionMatch m;
    const bool up = QTest::qWaitFor(
        [&] {
            out += m_process.readAllStandardOutput();
            m = re.match(QString::fromUtf8(out));
            return m.hasMatch() || m_process.state() == QProcess::NotRunning;
        },
        10000);
    if (!up || !m.hasMatch()) {
        qWarning() << "kinlist-server did not start:" << out << m_process.readAllStandardError();
        return false;
    }
    m_port = quint16(m.captured(1).toUInt());
    return true;
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServerProcess::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

// ---- a person at the window ----

Person::Person(const QString &server, bool kiosk, QString dataDirectory)
    : m_server(server)
    , m_kiosk(kiosk)
    , m_dataDirectory(std::move(dataDirectory))
{
    if (m_dataDirectory.isEmpty()) {
        m_ownDir = std::make_unique<QTemporaryDir>();
        m_dataDirectory = m_ownDir->path();
    }
}

Person::~Person()
{
    close();
}

std::unique_ptr<kinlist::ui::AppWindow> Person::makeApp(bool atLogin) const
{
    kinlist::ui::AppWindow::Options options;
    options.server = m_server;
    options.dataDirectory = m_dataDirectory;
    options.kiosk = m_kiosk;
    options.minimized = atLogin;
    return std::make_unique<kinlist::ui::AppWindow>(options);
}

bool Person::openAtLogin()
{
    m_app = makeApp(true);
    return m_app->load() && window();
}

bool Person::open(QSize size)
{
    m_app = makeApp(false);
    if (!m_app->load())
        return false;
    QQuickWindow *w = window();
    if (m_kiosk) {
        // The tablet's screen: full screen on the test's screen, then that screen's size.
        w->showNormal();
        w->setGeometry(QRect(QPoint(0, 0), size));
    } else {
        w->resize(size);
    }
    w->show();
    w->requestActivate();
    return QTest::qWaitForWindowExposed(w) && QTest::qWaitForWindowActive(w);
}

void Person::close()
{
    m_app.reset();
}

QQuickWindow *Person::window() const
{
    return m_app ? m_app->window() : nullptr;
}

void Person::resize(QSize size)
{
    window()->resize(size);
    QTRY_COMPARE_WITH_TIMEOUT(window()->contentItem()->width(), qreal(size.width()), 2000);
}

namespace {

// Visible items under `root`, depth first in paint order (popups live in the overlay, a
// child of the window's content item).
void walk(QQuickItem *root, const std::function<void(QQuickItem *)> &visit)
{
    if (!root || !root->isVisible())
        return;
    visit(root);
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *child : children)
        walk(child, visit);
}

} // namespace

QString Person::accessibleName(QQuickItem *item)
{
    QAccessibleInterface *iface = item ? QAccessible::queryAccessibleInterface(item) : nullptr;
    const QString name = iface ? iface->text(QAccessible::Name) : QString();
    // A button without a name of its own is named by its text (Qt Quick Controls set it
    // once a screen reader is active, which it never is in a headless test).
    if (name.isEmpty() && item && item->inherits("QQuickAbstractButton"))
        return item->property("text").toString();
    return name;
}

QList<QQuickItem *> Person::findAll(const QString &name, QQuickItem *within) const
{
    QList<QQuickItem *> found;
    if (!window())
        return found;
    walk(within ? within : window()->contentItem(), [&](QQuickItem *item) {
        // A popup (dialog, drawer, menu) is named on the popup, not on its item.
        if (item->objectName() == name ||
            (item->inherits("QQuickPopupItem") && item->parent() &&
             item->parent()->objectName() == name))
            found.append(item);
    });
    return found;
}

QQuickItem *Person::find(const QString &name, QQuickItem *within) const
{
    const QList<QQuickItem *> byObjectName = findAll(name, within);
    if (!byObjectName.isEmpty())
        return byObjectName.constFirst();
    QQuickItem *byAccessibleName = nullptr;
    if (window()) {
        walk(within ? within : window()->contentItem(), [&](QQuickItem *item) {
            if (!byAccessibleName && accessibleName(item) == name)
                byAccessibleName = item;
        });
    }
    return byAccessibleName;
}

QQuickItem *Person::inPopup(const QString &name) const
{
    if (!window())
        return nullptr;
    for (QQuickItem *layer : window()->contentItem()->childItems()) {
        if (layer->inherits("QQuickOverlay")) {
            if (QQuickItem *found = find(name, layer))
                return found;
        }
    }
    return nullptr;
}

QQuickItem *Person::row(const QString &view, const QString &name) const
{
    QQuickItem *list = find(view);
    if (!list)
        return nullptr;
    QQuickItem *found = nullptr;
    walk(list, [&](QQuickItem *item) {
        if (!found && item != list && accessibleName(item) == name &&
            QAccessible::queryAccessibleInterface(item)->role() == QAccessible::ListItem)
            found = item;
    });
    return found;
}

QStringList Person::itemTitles() const
{
    QQuickItem *list = find(QStringLiteral("items"));
    if (!list)
        return {};
    // Rows in their on-screen order (the view keeps delegates in no particular order).
    QList<QPair<qreal, QString>> rows;
    for (QQuickItem *title : findAll(QStringLiteral("title"), list)) {
        const QPointF at = title->mapToItem(list, QPointF(0, 0));
        if (at.y() + title->height() > 0 && at.y() < list->height())
            rows.append({at.y(), title->property("text").toString()});
    }
    std::sort(rows.begin(), rows.end());
    QStringList titles;
    for (const auto &r : rows)
        titles.append(r.second);
    return titles;
}

QStringList Person::texts(QQuickItem *within) const
{
    QStringList out;
    if (!window())
        return out;
    walk(within ? within : window()->contentItem(), [&](QQuickItem *item) {
        if (item->inherits("QQuickText") && item->opacity() > 0)
            out.append(item->property("text").toString());
    });
    return out;
}

bool Person::shows(const QString &text) const
{
    return texts().contains(text);
}

void Person::settle() const
{
    // Popups fade and grow in and out: a person clicks what has appeared.
    QString moving; // the popup still moving, for the warning
    const bool settled = QTest::qWaitFor(
        [&] {
            moving.clear();
            for (QQuickItem *layer : window()->contentItem()->childItems()) {
                if (!layer->inherits("QQuickOverlay"))
                    continue;
                for (QQuickItem *popup : layer->childItems()) {
                    if (!popup->isVisible() || !popup->inherits("QQuickPopupItem"))
                        continue;
                    // A drawer slides: its position runs from 0 (closed) to 1 (open).
                    const QVariant position =
                        popup->parent() ? popup->parent()->property("position") : QVariant();
                    if (popup->opacity() < 1 || popup->scale() != 1 ||
                        (position.isValid() && position.toReal() > 0 && position.toReal() < 1))
                        moving = popup->parent() && !popup->parent()->objectName().isEmpty()
                            ? popup->parent()->objectName()
                            : QString::fromLatin1(popup->parent()
                                                      ? popup->parent()->metaObject()->className()
                                                      : "a popup");
                }
            }
            return moving.isEmpty();
        },
        2000);
    if (!settled)
        qWarning() << "a popup was still moving after 2 s:" << moving;
}

void Person::activate()
{
    // A person works in one window at a time: the one they click or type into comes to
    // the front and takes the keyboard.
    if (window() && !window()->isActive()) {
        window()->requestActivate();
        if (!QTest::qWaitForWindowActive(window()))
            qWarning("the window did not become active");
    }
}

bool Person::click(QQuickItem *item, QPointF at, Qt::MouseButton button)
{
    activate();
    settle();
    // Where things are once the layouts have caught up with the last change (a field
    // that just appeared moves the others), as on the screen a person looks at.
    if (QQuickTest::qIsPolishScheduled(window()) && !QQuickTest::qWaitForPolish(window(), 2000))
        qWarning("the window's layout did not settle");
    if (!item || !item->isVisible() || !item->isEnabled()) {
        qWarning() << "cannot click" << item;
        return false;
    }
    if (at.x() < 0)
        at = QPointF(item->width() / 2, item->height() / 2);
    const QPoint p = item->mapToScene(at).toPoint();
    if (!QRect(QPoint(0, 0), window()->size()).contains(p)) {
        qWarning() << "cannot click" << item << "outside the window at" << p;
        return false;
    }
    QTest::mouseClick(window(), button, Qt::NoModifier, p);
    return true;
}

bool Person::hover(QQuickItem *item)
{
    activate();
    settle();
    if (QQuickTest::qIsPolishScheduled(window()) && !QQuickTest::qWaitForPolish(window(), 2000))
        qWarning("the window's layout did not settle");
    if (!item || !item->isVisible()) {
        qWarning() << "cannot point at" << item;
        return false;
    }
    const QPoint p = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    // The display's own pointer goes there too: a pointer left elsewhere on the display
    // sends the window a leave of its own at some later moment, which ends the hover.
    QCursor::setPos(window()->mapToGlobal(p));
    QTest::mouseMove(window(), p);
    return true;
}

bool Person::doubleClick(QQuickItem *item)
{
    if (!item || !item->isVisible())
        return false;
    const QPoint p = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mouseDClick(window(), Qt::LeftButton, Qt::NoModifier, p);
    return true;
}

bool Person::typeInto(const QString &name, const QString &text, bool replace)
{
    // The field itself, not its label of the same name.
    QQuickItem *field = nullptr;
    walk(window()->contentItem(), [&](QQuickItem *item) {
        if (!field && item->inherits("QQuickTextInput") &&
            (item->objectName() == name || accessibleName(item) == name))
            field = item;
    });
    if (!field || (!field->hasActiveFocus() && !click(field)))
        return false;
    if (!QTest::qWaitFor([&] { return field->hasActiveFocus(); }, 2000)) {
        qWarning() << name << "did not take the focus on a click";
        return false;
    }
    if (replace) {
        key(Qt::Key_A, Qt::ControlModifier);
        key(Qt::Key_Backspace);
    }
    type(text);
    return true;
}

void Person::type(const QString &text)
{
    activate();
    // (QTest::keyClicks takes a widget only.) Each character as typed: a press with its
    // text, then the release.
    for (const QChar c : text) {
        const QString s(c);
        const Qt::Key key = c.isLetterOrNumber() && c.unicode() < 128
            ? Qt::Key(c.toUpper().unicode())
            : c == QLatin1Char(' ') ? Qt::Key_Space
                                    : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Press, window(), key, s, Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, window(), key, s, Qt::NoModifier);
    }
}

void Person::key(int key, Qt::KeyboardModifiers modifiers)
{
    activate();
    QTest::keyClick(window(), Qt::Key(key), modifiers);
}

bool Person::drag(QQuickItem *item, QPointF to)
{
    if (!item || !item->isVisible())
        return false;
    activate();
    const QPointF from = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mousePress(window(), Qt::LeftButton, Qt::NoModifier, from.toPoint());
    constexpr int steps = 12;
    for (int i = 1; i <= steps; ++i) {
        const QPointF p = from + (to - from) * (double(i) / steps);
        QTest::mouseMove(window(), p.toPoint(), 10);
    }
    QTest::mouseRelease(window(), Qt::LeftButton, Qt::NoModifier, to.toPoint());
    return true;
}

QQuickItem *Person::focused() const
{
    return window() ? window()->activeFocusItem() : nullptr;
}

bool Person::screenshot(const QString &name)
{
    const QString dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    const QImage image = window()->grabWindow();
    return !image.isNull() && image.save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// ---- what many journeys read ----

QString textOf(const QQuickItem *item)
{
    return item ? item->property("text").toString() : QString();
}

QRectF sceneRect(const QQuickItem *item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

QQuickItem *itemRow(const Person &p, const QString &title)
{
    return p.row(QStringLiteral("items"), title);
}

QQuickItem *inRow(const Person &p, const QString &title, const QString &control)
{
    QQuickItem *row = itemRow(p, title);
    return row ? p.find(control, row) : nullptr;
}

QString statusWord(const Person &p)
{
    return textOf(p.find(QStringLiteral("word"), p.find(QStringLiteral("status"))));
}

// ---- steps of many journeys ----

namespace {

bool fail(const Person &p, const char *what)
{
    qWarning("journey step failed: %s; the window shows: %s", what,
             qPrintable(p.texts().join(QLatin1String(" | "))));
    return false;
}

} // namespace

bool signUp(Person &p, const QString &name, const QString &email, const QString &household,
            const QString &inviteCode)
{
    if (!p.click(QStringLiteral("switchMode")))
        return fail(p, "\"Create an account\"");
    if (!p.typeInto(QStringLiteral("name"), name) || !p.typeInto(QStringLiteral("email"), email) ||
        !p.typeInto(QStringLiteral("password"), QStringLiteral("password-") + name))
        return fail(p, "typing the account");
    if (!p.click(QStringLiteral("go")))
        return fail(p, "\"Create account\"");
    if (!QTest::qWaitFor([&] { return p.visible(QStringLiteral("householdName")); }, 10000))
        return fail(p, "the household page after signing up");
    if (inviteCode.isEmpty()) {
        if (!p.typeInto(QStringLiteral("householdName"), household))
            return fail(p, "the household's name");
        p.key(Qt::Key_Return);
    } else {
        if (!p.typeInto(QStringLiteral("code"), inviteCode))
            return fail(p, "the invite code");
        p.key(Qt::Key_Return);
    }
    if (!QTest::qWaitFor([&] { return p.visible(QStringLiteral("newItem")); }, 10000))
        return fail(p, "the main window after the household");
    return true;
}

bool makeList(Person &p, const QString &name, const QString &kind)
{
    if (!p.click(QStringLiteral("newListButton")))
        return fail(p, "\"New list\"");
    if (!QTest::qWaitFor([&] { return p.visible(QStringLiteral("newListDialog")); }, 3000))
        return fail(p, "the new list dialog");
    if (!p.typeInto(QStringLiteral("newListName"), name))
        return fail(p, "the list's name");
    if (!p.click(kind == QLatin1String("tasks") ? QStringLiteral("kindTasks")
                                                : QStringLiteral("kindShopping")))
        return fail(p, "the kind of list");
    if (!p.click(QStringLiteral("newListCreate")))
        return fail(p, "\"Create\"");
    if (!QTest::qWaitFor(
            [&] {
                QQuickItem *title = p.find(QStringLiteral("listTitle"));
                return title && title->property("text").toString() == name &&
                    !p.visible(QStringLiteral("newListDialog"));
            },
            5000))
        return fail(p, "the new list opening");
    return true;
}

bool addItems(Person &p, const QStringList &titles)
{
    for (const QString &title : titles) {
        if (!p.typeInto(QStringLiteral("newItem"), title))
            return fail(p, "\"Add an item\"");
        p.key(Qt::Key_Return);
        if (!QTest::qWaitFor([&] { return p.itemTitles().contains(title); }, 5000))
            return fail(p, "the added item showing");
    }
    return true;
}

QString inviteCode(Person &owner)
{
    if (!owner.click(QStringLiteral("invite")))
        return {};
    QString code;
    if (!QTest::qWaitFor(
            [&] {
                code = textOf(owner.find(QStringLiteral("inviteCode")));
                return code.size() >= 6 && !code.contains(QLatin1Char(' '));
            },
            5000)) {
        fail(owner, "the invite code");
        return {};
    }
    if (!owner.click(owner.inPopup(QStringLiteral("Close"))) ||
        !QTest::qWaitFor([&] { return !owner.visible(QStringLiteral("inviteDialog")); }, 5000)) {
        fail(owner, "closing the invite dialog");
        return {};
    }
    return code;
}

bool planTask(Person &p, const QString &title, QDate due, const QString &who)
{
    if (!p.click(inRow(p, title, QStringLiteral("details"))) ||
        !QTest::qWaitFor([&] { return p.visible(QStringLiteral("detailsDialog")); }, 5000))
        return fail(p, "the details");
    if (!who.isEmpty()) {
        QQuickItem *entry = nullptr;
        if (!p.click(QStringLiteral("Assigned to")) ||
            !QTest::qWaitFor([&] { return (entry = p.inPopup(who)) != nullptr; }, 5000) ||
            !p.click(entry))
            return fail(p, "the person");
        if (!QTest::qWaitFor(
                [&] {
                    return p.find(QStringLiteral("Assigned to"))->property("displayText") == who &&
                        !p.inPopup(who);
                },
                5000))
            return fail(p, "the person chosen");
    }
    if (!p.typeInto(QStringLiteral("dueField"), QLocale().toString(due, QLocale::ShortFormat)))
        return fail(p, "the date");
    p.key(Qt::Key_Return);
    return QTest::qWaitFor([&] { return !p.visible(QStringLiteral("detailsDialog")); }, 5000) ||
        fail(p, "saving");
}

bool repeatTask(Person &p, const QString &title, const QString &rule, bool takeTurns)
{
    if (!p.click(inRow(p, title, QStringLiteral("details"))) ||
        !QTest::qWaitFor([&] { return p.visible(QStringLiteral("detailsDialog")); }, 5000))
        return fail(p, "the details");
    QQuickItem *choice = nullptr;
    if (!p.click(QStringLiteral("detailsRepeat")) ||
        !QTest::qWaitFor([&] { return (choice = p.inPopup(rule)) != nullptr; }, 5000) ||
        !p.click(choice))
        return fail(p, "the repeat rule");
    p.settle();
    if (takeTurns) {
        if (!QTest::qWaitFor([&] { return p.visible(QStringLiteral("detailsRotate")); }, 5000) ||
            !p.click(QStringLiteral("detailsRotate")) ||
            !QTest::qWaitFor(
                [&] {
                    return p.find(QStringLiteral("detailsRotate"))->property("checked").toBool();
                },
                5000))
            return fail(p, "taking turns");
    }
    if (!p.click(QStringLiteral("detailsSave")))
        return fail(p, "the save button");
    return QTest::qWaitFor([&] { return !p.visible(QStringLiteral("detailsDialog")); }, 5000) ||
        fail(p, "saving");
}

bool chooseLanguage(Person &p, const QString &language)
{
    QQuickItem *choice = nullptr;
    if (!p.click(QStringLiteral("settings")) ||
        !QTest::qWaitFor([&] { return p.visible(QStringLiteral("language")); }, 5000))
        return fail(p, "the settings");
    if (!p.click(QStringLiteral("language")) ||
        !QTest::qWaitFor([&] { return (choice = p.inPopup(language)) != nullptr; }, 5000) ||
        !p.click(choice))
        return fail(p, "the language");
    return QTest::qWaitFor(
               [&] {
                   QQuickItem *box = p.find(QStringLiteral("language"));
                   return box && box->property("displayText").toString() == language;
               },
               5000) ||
        fail(p, "the language chosen");
}

bool activityShows(Person &p, const QString &sentence)
{
    if (!p.visible(QStringLiteral("activityPanel")) && !p.click(QStringLiteral("activityButton")))
        return false;
    if (!p.click(QStringLiteral("activityHousehold")))
        return false;
    return QTest::qWaitFor(
        [&] {
            QQuickItem *list = p.find(QStringLiteral("activityList"));
            return list && p.texts(list).contains(sentence);
        },
        5000);
}

bool openList(Person &p, const QString &name)
{
    QQuickItem *found = nullptr;
    for (QQuickItem *row : p.findAll(QStringLiteral("listRow"), p.find(QStringLiteral("lists")))) {
        const QString said = Person::accessibleName(row);
        if (said == name || said.startsWith(name + QStringLiteral(", ")))
            found = row;
    }
    if (!p.click(found))
        return fail(p, "the list's row");
    return QTest::qWaitFor([&] { return textOf(p.find(QStringLiteral("listTitle"))) == name; },
                           5000) ||
        fail(p, "the list opening");
}

} // namespace journey
