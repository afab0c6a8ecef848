// The app's session and models end to end, as the QML front end drives them, against a
// real in-process server: two people sign up, one starts a household and the other joins
// with an invite code; items added, checked, renamed and deleted on one device appear on
// the other as single row changes (never a reset); an offline device's edits arrive when
// it is back. QAbstractItemModelTester watches both item models throughout.
#include "common/testserver.h"
#include "core/fracindex.h"
#include "core/recurrence.h"
#include "ui/language.h"
#include "ui/session.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace kinlist;
using kinlist::ui::ActivityModel;
using kinlist::ui::AppSettings;
using kinlist::ui::Households;
using kinlist::ui::ItemsModel;
using kinlist::ui::Kiosk;
using kinlist::ui::ListEditor;
using kinlist::ui::Session;
using kinlist::ui::TodayModel;
using kinlist::ui::UserAccount;

class TestUiSession : public QObject
{
    Q_OBJECT
    TestServer m_server;
    QTemporaryDir m_dir;

    QString address() const { return m_server.url().authority(); }

    static bool live(Session &s)
    {
        return QTest::qWaitFor([&] { return s.status()->state() == QLatin1String("live"); }, 10000);
    }

    static QVariant itemData(ItemsModel *m, const QString &title, int role)
    {
        for (int i = 0; i < m->rowCount(); ++i) {
            const QModelIndex idx = m->index(i);
            if (idx.data(ItemsModel::TitleRole).toString() == title)
                return idx.data(role);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No keychain, whatever the machine has: tokens are kept for the session only.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kinlist-no-bus");
        QVERIFY(m_server.start());
    }

    void wrongPasswordReadsAsASentence()
    {
        Session s(m_server.url(), m_dir.filePath(QStringLiteral("nobody")));
        s.user()->signIn(address(), QStringLiteral("nobody@example.org"),
                         QStringLiteral("wrong-password"));
        QVERIFY(s.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!s.busy(), 10000);
        QVERIFY2(s.error().contains(QStringLiteral("do not match")), qPrintable(s.error()));
        QVERIFY(!s.signedIn());
        s.user()->signIn(QStringLiteral("no server here"), QStringLiteral("a@b.c"),
                         QStringLiteral("x"));
        QTRY_VERIFY_WITH_TIMEOUT(!s.busy(), 10000);
        QVERIFY2(s.error().contains(QStringLiteral("server address")), qPrintable(s.error()));
    }

    // Each area of the session tells only of its own changes: an edit of the open list
    // re-evaluates nothing bound to the households, the account, the settings or the
    // kiosk (the window binds to these signals), and a setting touches no list.
    void eachAreaSignalsItsOwnChanges()
    {
        Session s(m_server.url(), m_dir.filePath(QStringLiteral("areas")));
        QSignalSpy signedIn(&s, &Session::signedInChanged);
        s.user()->createAccount(address(), QStringLiteral("Ada"), QStringLiteral("ada@example.org"),
                                QStringLiteral("password-ada"));
        QTRY_VERIFY_WITH_TIMEOUT(s.signedIn(), 10000);
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(s.user()->userName(), QStringLiteral("Ada"));
        QVERIFY(live(s));
        s.households()->createHousehold(QStringLiteral("Lovelace"));
        QTRY_COMPARE_WITH_TIMEOUT(s.households()->all().size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(s.households()->members().size(), 1, 10000);
        QSignalSpy listChanged(s.editor(), &ListEditor::listChanged);
        s.households()->createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
        QVERIFY(listChanged.size() >= 1);
        QCOMPARE(s.editor()->kind(), QStringLiteral("tasks"));

        std::vector<std::unique_ptr<QSignalSpy>> quiet;
        const auto keepQuiet = [&](auto *object, auto signal) {
            quiet.push_back(std::make_unique<QSignalSpy>(object, signal));
        };
        keepQuiet(&s, &Session::signedInChanged);
        keepQuiet(&s, &Session::errorChanged);
        keepQuiet(s.user(), &UserAccount::accountChanged);
        keepQuiet(s.user(), &UserAccount::passwordNeededChanged);
        keepQuiet(s.households(), &Households::householdsChanged);
        keepQuiet(s.households(), &Households::currentChanged);
        keepQuiet(s.households(), &Households::membersChanged);
        keepQuiet(s.settings(), &AppSettings::languageChanged);
        keepQuiet(s.kiosk(), &Kiosk::codeChanged);
        keepQuiet(s.kiosk(), &Kiosk::actingForChanged);
        keepQuiet(s.editor(), &ListEditor::listChanged);
        QSignalSpy theme(s.settings(), &AppSettings::themeChanged);
        QSignalSpy undo(s.editor(), &ListEditor::undoChanged);
        QSignalSpy duplicate(s.editor(), &ListEditor::duplicateChanged);

        s.editor()->addItem(QStringLiteral("Bins out"));
        s.editor()->addItem(QStringLiteral("bins out")); // asks first
        QCOMPARE(duplicate.size(), 1);
        s.editor()->dismissDuplicate();
        const QString id = s.editor()->items()->index(0).data(ItemsModel::IdRole).toString();
        s.editor()->setDone(id, true);
        QCOMPARE(s.editor()->undoText(), QStringLiteral("Bins out checked off"));
        s.editor()->undo();
        s.editor()->renameItem(id, QStringLiteral("Bins out (blue)"));
        QVERIFY(undo.size() >= 3);
        QTRY_COMPARE_WITH_TIMEOUT(s.status()->pendingCount(), 0, 10000);
        for (const auto &spy : quiet)
            QVERIFY2(spy->isEmpty(), spy->signal().constData());
        QVERIFY(theme.isEmpty());

        // A setting says so on its own signal, and nothing else moves.
        s.settings()->setTheme(QStringLiteral("dark"));
        QCOMPARE(theme.size(), 1);
        for (const auto &spy : quiet)
            QVERIFY2(spy->isEmpty(), spy->signal().constData());

        // Signing out is one change of each area that showed the account.
        QSignalSpy accountChanged(s.user(), &UserAccount::accountChanged);
        QSignalSpy current(s.households(), &Households::currentChanged);
        s.user()->signOut();
        QVERIFY(!s.signedIn());
        QVERIFY(!accountChanged.isEmpty());
        QVERIFY(!current.isEmpty());
        QVERIFY(s.households()->currentId().isEmpty());
        QVERIFY(s.editor()->listId().isEmpty());
        QCOMPARE(s.editor()->items()->rowCount(), 0);
    }

    // A repeating task checked off moves to its next date, stays on the list, says so in
    // the activity, and Undo brings the date back.
    void repeatingTaskMovesOn()
    {
        Session s(m_server.url(), m_dir.filePath(QStringLiteral("repeat")));
        s.user()->createAccount(address(), QStringLiteral("Bea"), QStringLiteral("bea@example.org"),
                                QStringLiteral("password-bea"));
        QTRY_VERIFY_WITH_TIMEOUT(s.signedIn(), 10000);
        QVERIFY(live(s));
        s.households()->createHousehold(QStringLiteral("Bea's"));
        QTRY_COMPARE_WITH_TIMEOUT(s.households()->all().size(), 1, 10000);
        s.households()->createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
        s.editor()->addItem(QStringLiteral("Water plants"));
        QCOMPARE(s.editor()->items()->rowCount(), 1);
        const QString id = s.editor()->items()->index(0).data(ItemsModel::IdRole).toString();
        const QDate today = QDate::currentDate();
        s.editor()->updateItem(
            id,
            {{QStringLiteral("due"), today.toString(Qt::ISODate) + QStringLiteral("T18:00:00")},
             {QStringLiteral("repeat"),
              QVariantMap {{QStringLiteral("unit"), QStringLiteral("day")},
                           {QStringLiteral("every"), 3}}}});
        const QModelIndex row = s.editor()->items()->index(0);
        QCOMPARE(row.data(ItemsModel::RepeatTextRole).toString(), QStringLiteral("every 3 days"));

        s.editor()->setDone(id, true);
        QCOMPARE(s.editor()->items()->rowCount(), 1);
        QVERIFY(!s.editor()->items()->index(0).data(ItemsModel::DoneRole).toBool());
        QCOMPARE(s.editor()->items()->index(0).data(ItemsModel::DueRole).toString(),
                 today.addDays(3).toString(Qt::ISODate) + QStringLiteral("T18:00:00"));
        QCOMPARE(s.editor()->undoText(),
                 QStringLiteral("Water plants done, next %1")
                     .arg(QLocale().toString(today.addDays(3), QLocale::ShortFormat)));
        QTRY_COMPARE_WITH_TIMEOUT(s.status()->pendingCount(), 0, 10000);
        // The server took round 1: the item's stored fields say so.
        const auto item = s.account()->store()->viewEntity(id);
        QVERIFY(item);
        QCOMPARE(kinlist::itemRound(*item), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            s.editor()->activity()->rowCount() > 0 &&
                s.editor()->activity()->index(0).data(ActivityModel::TextRole).toString() ==
                    QStringLiteral("Bea did Water plants, %1")
                        .arg(QLocale().toString(today, QLocale::ShortFormat)),
            10000);

        // Undo: the date returns (in the same round), and the task can be done again.
        s.editor()->undo();
        QCOMPARE(s.editor()->items()->index(0).data(ItemsModel::DueRole).toString(),
                 today.toString(Qt::ISODate) + QStringLiteral("T18:00:00"));
        QTRY_COMPARE_WITH_TIMEOUT(s.status()->pendingCount(), 0, 10000);
        QCOMPARE(kinlist::itemRound(*s.account()->store()->viewEntity(id)), 1);
        s.editor()->setDone(id, true);
        QCOMPARE(s.editor()->items()->index(0).data(ItemsModel::DueRole).toString(),
                 today.addDays(3).toString(Qt::ISODate) + QStringLiteral("T18:00:00"));
        QTRY_COMPARE_WITH_TIMEOUT(s.status()->pendingCount(), 0, 10000);
        QCOMPARE(kinlist::itemRound(*s.account()->store()->viewEntity(id)), 2);
        QVERIFY(s.error().isEmpty());
    }

    // Today across a household's lists: what is past, today and within the week, by person
    // (the user first, nobody's last), each by date and time; done, far-off and archived
    // ones left out; "mine"; the chart's today only; completing from Today, on a list that
    // is not open, moves a repeating task on, and Undo brings it back.
    void todayAcrossLists()
    {
        Session s(m_server.url(), m_dir.filePath(QStringLiteral("today")));
        s.user()->createAccount(address(), QStringLiteral("Cy"), QStringLiteral("cy@example.org"),
                                QStringLiteral("password-cy"));
        QTRY_VERIFY_WITH_TIMEOUT(s.signedIn(), 10000);
        QVERIFY(live(s));
        s.households()->createHousehold(QStringLiteral("Cy's"));
        QTRY_COMPARE_WITH_TIMEOUT(s.households()->all().size(), 1, 10000);
        TodayModel *today = s.households()->today();
        TodayModel *chart = s.households()->chart();
        QVERIFY(!chart->active()); // the kiosk's, made only where it shows
        chart->setActive(true);
        QAbstractItemModelTester todayTester(today);
        QAbstractItemModelTester chartTester(chart);
        const QString self = s.account()->userId();
        const QDate day = QDate::currentDate();
        const auto iso = [&day](int days, const char *time = nullptr) {
            return day.addDays(days).toString(Qt::ISODate) +
                (time ? QStringLiteral("T%1:00").arg(QLatin1String(time)) : QString());
        };
        const auto add = [&s](const QString &title, const QVariantMap &fields) {
            s.editor()->addItem(title);
            for (int i = 0; i < s.editor()->items()->rowCount(); ++i) {
                const QModelIndex idx = s.editor()->items()->index(i);
                if (idx.data(ItemsModel::TitleRole).toString() == title) {
                    const QString id = idx.data(ItemsModel::IdRole).toString();
                    s.editor()->updateItem(id, fields);
                    return id;
                }
            }
            return QString();
        };
        s.households()->createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
        const QString bins = add(QStringLiteral("Bins"),
                                 {{QStringLiteral("due"), iso(0, "18:00")},
                                  {QStringLiteral("repeat"),
                                   QVariantMap {{QStringLiteral("unit"), QStringLiteral("day")},
                                                {QStringLiteral("every"), 7}}}});
        add(QStringLiteral("Post"), {{QStringLiteral("due"), iso(0)}});
        add(QStringLiteral("Bills"),
            {{QStringLiteral("due"), iso(-3)}, {QStringLiteral("assignee"), self}});
        add(QStringLiteral("Far off"), {{QStringLiteral("due"), iso(8)}});
        const QString done = add(QStringLiteral("Done"), {{QStringLiteral("due"), iso(0)}});
        s.editor()->setDone(done, true);
        s.households()->createList(QStringLiteral("Garden"), QStringLiteral("tasks"));
        add(QStringLiteral("Mow"),
            {{QStringLiteral("due"), iso(2)}, {QStringLiteral("assignee"), self}});
        add(QStringLiteral("Hedge"), {{QStringLiteral("due"), iso(7)}});
        s.households()->createList(QStringLiteral("Old"), QStringLiteral("tasks"));
        add(QStringLiteral("Archived"), {{QStringLiteral("due"), iso(0)}});
        s.editor()->setListArchived(s.editor()->listId(), true);

        const auto titles = [](TodayModel *m) {
            QStringList out;
            for (int i = 0; i < m->rowCount(); ++i)
                out.append(m->index(i).data(TodayModel::TitleRole).toString());
            return out;
        };
        const QStringList week {QStringLiteral("Bills"), QStringLiteral("Mow"),
                                QStringLiteral("Post"), QStringLiteral("Bins"),
                                QStringLiteral("Hedge")};
        QTRY_COMPARE(titles(today), week);
        QCOMPARE(today->dueNow(), 3);
        QCOMPARE(today->index(0).data(TodayModel::PersonNameRole).toString(), QStringLiteral("Cy"));
        QCOMPARE(today->index(0).data(TodayModel::WhenRole).toString(), QStringLiteral("overdue"));
        QCOMPARE(today->index(2).data(TodayModel::PersonNameRole).toString(),
                 QStringLiteral("Anyone"));
        QCOMPARE(today->index(3).data(TodayModel::WhenTextRole).toString(),
                 QStringLiteral("Today, %1").arg(kinlist::ui::Language::clockTime(QTime(18, 0))));
        QCOMPARE(today->index(3).data(TodayModel::RepeatTextRole).toString(),
                 QStringLiteral("every 7 days"));
        QCOMPARE(today->index(1).data(TodayModel::ListNameRole).toString(),
                 QStringLiteral("Garden"));
        QCOMPARE(today->people().size(), 2);
        QTRY_COMPARE(titles(chart),
                     (QStringList {QStringLiteral("Bills"), QStringLiteral("Post"),
                                   QStringLiteral("Bins")}));

        today->setMine(true);
        QCOMPARE(titles(today), (QStringList {QStringLiteral("Bills"), QStringLiteral("Mow")}));
        today->setMine(false);

        // Done from Today (the open list is Old): the bins move on a week and leave today.
        s.editor()->setDone(bins, true);
        QTRY_COMPARE(titles(chart),
                     (QStringList {QStringLiteral("Bills"), QStringLiteral("Post")}));
        // (Now a week on: in Today still, after the day's whole-day task.)
        QTRY_COMPARE(
            titles(today),
            (QStringList {QStringLiteral("Bills"), QStringLiteral("Mow"), QStringLiteral("Post"),
                          QStringLiteral("Hedge"), QStringLiteral("Bins")}));
        QCOMPARE(s.account()->store()->viewEntity(bins)->value(QStringLiteral("due")).toString(),
                 iso(7, "18:00"));
        s.editor()->undo();
        QTRY_VERIFY(titles(chart).contains(QStringLiteral("Bins")));
        QTRY_COMPARE_WITH_TIMEOUT(s.status()->pendingCount(), 0, 10000);
        QVERIFY(s.error().isEmpty());
    }

    void twoDevicesOfOneFamily()
    {
        Session mum(m_server.url(), m_dir.filePath(QStringLiteral("mum")));
        mum.user()->createAccount(address(), QStringLiteral("Mum"),
                                  QStringLiteral("mum@smith.example"),
                                  QStringLiteral("password-mum"));
        QTRY_VERIFY_WITH_TIMEOUT(mum.signedIn(), 10000);
        QVERIFY(live(mum));
        QCOMPARE(mum.households()->all().size(), 0);
        mum.households()->createHousehold(QStringLiteral("The Smiths"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.households()->all().size(), 1, 10000);
        QCOMPARE(mum.households()->currentName(), QStringLiteral("The Smiths"));
        mum.households()->createList(QStringLiteral("Groceries"), QStringLiteral("shopping"));
        QCOMPARE(mum.editor()->name(), QStringLiteral("Groceries"));
        QCOMPARE(mum.households()->lists()->rowCount(), 1);
        QAbstractItemModelTester mumTester(mum.editor()->items(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester listsTester(
            mum.households()->lists(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        mum.editor()->items()->setShowDone(true); // done items stay in view for the checks below

        // Shown at once, waiting until the server has it.
        mum.editor()->addItem(QStringLiteral("Milk"));
        QCOMPARE(mum.editor()->items()->rowCount(), 1);
        QCOMPARE(itemData(mum.editor()->items(), QStringLiteral("Milk"), ItemsModel::SyncStateRole)
                     .toString(),
                 QStringLiteral("pending"));
        QTRY_COMPARE_WITH_TIMEOUT(
            itemData(mum.editor()->items(), QStringLiteral("Milk"), ItemsModel::SyncStateRole)
                .toString(),
            QStringLiteral("confirmed"), 10000);

        // Dad joins with an invite code on his own device.
        mum.households()->createInvite();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.households()->inviteCode().isEmpty(), 10000);
        const QString code = mum.households()->inviteCode();
        Session dad(m_server.url(), m_dir.filePath(QStringLiteral("dad")));
        dad.user()->createAccount(address(), QStringLiteral("Dad"),
                                  QStringLiteral("dad@smith.example"),
                                  QStringLiteral("password-dad"));
        QVERIFY(live(dad));
        dad.households()->joinHousehold(code.toLower()); // typed carelessly
        QTRY_COMPARE_WITH_TIMEOUT(dad.households()->all().size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dad.editor()->name(), QStringLiteral("Groceries"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dad.editor()->items()->rowCount(), 1, 10000);
        QAbstractItemModelTester dadTester(dad.editor()->items(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        dad.editor()->items()->setShowDone(true);
        QSignalSpy dadResets(dad.editor()->items(), &QAbstractItemModel::modelReset);
        QSignalSpy dadInserts(dad.editor()->items(), &QAbstractItemModel::rowsInserted);
        QSignalSpy dadRemoves(dad.editor()->items(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy dadChanges(dad.editor()->items(), &QAbstractItemModel::dataChanged);

        // Mum adds: one row appears on Dad's device, saying who added it.
        mum.editor()->addItem(QStringLiteral("Bread"));
        QTRY_COMPARE_WITH_TIMEOUT(dad.editor()->items()->rowCount(), 2, 10000);
        QCOMPARE(dadInserts.size(), 1);
        QCOMPARE(itemData(dad.editor()->items(), QStringLiteral("Bread"), ItemsModel::ChangedByRole)
                     .toString(),
                 QStringLiteral("Mum"));

        // Dad checks Milk off: on Mum's device only that row's roles change.
        const QString milk =
            itemData(dad.editor()->items(), QStringLiteral("Milk"), ItemsModel::IdRole).toString();
        QSignalSpy mumChanges(mum.editor()->items(), &QAbstractItemModel::dataChanged);
        QSignalSpy mumResets(mum.editor()->items(), &QAbstractItemModel::modelReset);
        dad.editor()->setDone(milk, true);
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.editor()->items(), QStringLiteral("Milk"), ItemsModel::DoneRole).toBool(),
            10000);
        bool doneRoleAnnounced = false;
        for (const auto &args : std::as_const(mumChanges))
            doneRoleAnnounced =
                doneRoleAnnounced || args.at(2).value<QList<int>>().contains(ItemsModel::DoneRole);
        QVERIFY(doneRoleAnnounced);
        QCOMPARE(mum.editor()->items()->doneCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(mum.households()
                                      ->lists()
                                      ->index(0)
                                      .data(kinlist::ui::ListsModel::OpenCountRole)
                                      .toInt(),
                                  1, 10000);

        // Renamed and deleted on Mum's device: a role change and a row removal on Dad's.
        mum.editor()->renameItem(milk, QStringLiteral("Oat milk"));
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(dad.editor()->items(), QStringLiteral("Oat milk"), ItemsModel::IdRole)
                .isValid(),
            10000);
        const QString bread =
            itemData(mum.editor()->items(), QStringLiteral("Bread"), ItemsModel::IdRole).toString();
        mum.editor()->removeItem(bread);
        QCOMPARE(mum.editor()->items()->rowCount(), 1); // gone at once here
        QTRY_COMPARE_WITH_TIMEOUT(dad.editor()->items()->rowCount(), 1, 10000);
        QCOMPARE(dadRemoves.size(), 1);
        QCOMPARE(dadInserts.size(), 1);
        QVERIFY(!dadChanges.isEmpty());

        // Toasts: Dad adding several items shows Mum one coalesced toast that names him;
        // his own changes never toast on his device.
        const int dadToastsBefore = dad.toasts()->rowCount();
        for (const char *t : {"Apples", "Pears", "Plums"})
            dad.editor()->addItem(QString::fromLatin1(t));
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.editor()->items(), QStringLiteral("Plums"), ItemsModel::IdRole).isValid(),
            10000);
        bool coalesced = false;
        for (int i = 0; i < mum.toasts()->rowCount(); ++i)
            coalesced = coalesced ||
                mum.toasts()->index(i).data().toString() ==
                    QStringLiteral("Dad added 3 items to Groceries");
        QVERIFY2(coalesced,
                 qPrintable(mum.toasts()->index(mum.toasts()->rowCount() - 1).data().toString()));
        QVERIFY(mum.toasts()->rowCount() <= kinlist::ui::ToastQueue::kMaxShown);
        QCOMPARE(dad.toasts()->rowCount(), dadToastsBefore);
        // Mum switches to German: the toast on screen says it again.
        mum.settings()->setLanguage(QStringLiteral("de"));
        const QString german = QCoreApplication::translate("kinlist::ui::ToastQueue",
                                                           "%1 added %n item(s) to %2", nullptr, 3)
                                   .arg(QStringLiteral("Dad"), QStringLiteral("Groceries"));
        QVERIFY(german != QLatin1String("Dad added 3 items to Groceries"));
        bool saidAgain = false;
        for (int i = 0; i < mum.toasts()->rowCount(); ++i)
            saidAgain = saidAgain || mum.toasts()->index(i).data().toString() == german;
        QVERIFY2(saidAgain, qPrintable(german));
        mum.settings()->setLanguage(QString());
        // A muted list stays quiet.
        mum.editor()->setMuted(true);
        while (mum.toasts()->rowCount() > 0)
            mum.toasts()->dismiss(0);
        dad.editor()->addItem(QStringLiteral("Figs"));
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.editor()->items(), QStringLiteral("Figs"), ItemsModel::IdRole).isValid(),
            10000);
        QCOMPARE(mum.toasts()->rowCount(), 0);
        mum.editor()->setMuted(false);

        // The activity feed says who did what, newest first, as rows added at the top.
        QAbstractItemModelTester activityTester(
            mum.editor()->activity(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // (New entries are read in bursts, a moment after they arrive.)
        QTRY_COMPARE_WITH_TIMEOUT(mum.editor()->activity()->index(0).data().toString(),
                                  QStringLiteral("Dad added Figs"), 10000);
        QStringList feed;
        for (int i = 0; i < mum.editor()->activity()->rowCount(); ++i)
            feed << mum.editor()->activity()->index(i).data().toString();
        QCOMPARE(feed.value(0), QStringLiteral("Dad added Figs"));
        QVERIFY2(feed.contains(QStringLiteral("Dad checked off Oat milk")),
                 qPrintable(feed.join(u'|')));
        QVERIFY(feed.contains(QStringLiteral("Mum removed Bread")));
        QCOMPARE(feed.constLast(), QStringLiteral("Mum created the list"));
        // Any entry can be taken back, whoever made it: Dad's check-off of the milk, and his
        // adding the figs.
        const int checkedOff = feed.indexOf(QStringLiteral("Dad checked off Oat milk"));
        mum.editor()->revertActivity(checkedOff);
        QVERIFY(!itemData(mum.editor()->items(), QStringLiteral("Oat milk"), ItemsModel::DoneRole)
                     .toBool());
        mum.editor()->revertActivity(feed.indexOf(QStringLiteral("Dad added Figs")));
        QVERIFY(
            !itemData(mum.editor()->items(), QStringLiteral("Figs"), ItemsModel::IdRole).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(
            !itemData(dad.editor()->items(), QStringLiteral("Figs"), ItemsModel::IdRole)
                    .isValid() &&
                !itemData(dad.editor()->items(), QStringLiteral("Oat milk"), ItemsModel::DoneRole)
                     .toBool(),
            10000);
        // Checked off again for what follows.
        mum.editor()->setDone(
            itemData(mum.editor()->items(), QStringLiteral("Oat milk"), ItemsModel::IdRole)
                .toString(),
            true);
        QSignalSpy activityInserts(mum.editor()->activity(), &QAbstractItemModel::rowsInserted);

        // Undo: a check-off and a delete are taken back (everywhere).
        const QString apples =
            itemData(mum.editor()->items(), QStringLiteral("Apples"), ItemsModel::IdRole)
                .toString();
        mum.editor()->setDone(apples, true);
        QCOMPARE(mum.editor()->undoText(), QStringLiteral("Apples checked off"));
        mum.editor()->undo();
        QVERIFY(!itemData(mum.editor()->items(), QStringLiteral("Apples"), ItemsModel::DoneRole)
                     .toBool());
        mum.editor()->removeItem(apples);
        QVERIFY(!itemData(mum.editor()->items(), QStringLiteral("Apples"), ItemsModel::IdRole)
                     .isValid());
        mum.editor()->undo();
        QVERIFY(itemData(mum.editor()->items(), QStringLiteral("Apples"), ItemsModel::IdRole)
                    .isValid());
        QTRY_COMPARE_WITH_TIMEOUT(dad.status()->state(), QStringLiteral("live"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(dad.editor()->items(), QStringLiteral("Apples"), ItemsModel::IdRole)
                    .isValid() &&
                !itemData(dad.editor()->items(), QStringLiteral("Apples"), ItemsModel::DoneRole)
                     .toBool() &&
                mum.status()->pendingCount() == 0,
            10000);

        // Adding what is already open asks first; "add 1 more" raises the quantity.
        const int before = mum.editor()->items()->rowCount();
        mum.editor()->addItem(QStringLiteral("apples"));
        QCOMPARE(mum.editor()->items()->rowCount(), before);
        QVERIFY2(mum.editor()->duplicateText().startsWith(
                     QStringLiteral("Apples is already on the list (added by Dad, ")),
                 qPrintable(mum.editor()->duplicateText()));
        mum.editor()->addMore();
        QVERIFY(mum.editor()->duplicateText().isEmpty());
        QCOMPARE(itemData(mum.editor()->items(), QStringLiteral("Apples"), ItemsModel::QuantityRole)
                     .toInt(),
                 2);
        mum.editor()->addItem(QStringLiteral("Apples"));
        mum.editor()->addAnyway();
        QCOMPARE(mum.editor()->items()->rowCount(), before + 1);

        // Dad offline: his edit waits, and arrives when he is back.
        dad.account()->sync()->stop();
        QCOMPARE(dad.status()->state(), QStringLiteral("offline"));
        dad.editor()->addItem(QStringLiteral("Jam"));
        QCOMPARE(dad.status()->pendingCount(), 1);
        QVERIFY(dad.status()->detail().contains(QStringLiteral("waiting")));
        QCOMPARE(itemData(dad.editor()->items(), QStringLiteral("Jam"), ItemsModel::SyncStateRole)
                     .toString(),
                 QStringLiteral("pending"));
        dad.account()->sync()->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.editor()->items(), QStringLiteral("Jam"), ItemsModel::IdRole).isValid(),
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(dad.status()->pendingCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(mum.editor()->activity()->index(0).data().toString(),
                                  QStringLiteral("Dad added Jam"), 10000);
        QVERIFY(!activityInserts.isEmpty());
        // Who else is looking: Mum sees Dad's face on Groceries (and not her own).
        QTRY_COMPARE_WITH_TIMEOUT(mum.editor()->presence().size(), 1, 10000);
        QCOMPARE(
            mum.editor()->presence().first().toMap().value(QStringLiteral("initials")).toString(),
            QStringLiteral("D"));

        // Both offline set the quantity of Jam; Dad's later write wins. Mum, back second,
        // is told on the item, and "keep mine" makes hers the value everywhere.
        const QString jam =
            itemData(mum.editor()->items(), QStringLiteral("Jam"), ItemsModel::IdRole).toString();
        mum.account()->sync()->stop();
        dad.account()->sync()->stop();
        const auto setQuantity = [&](Session &s, int q) {
            Op op;
            op.type = Op::Type::ItemSet;
            op.listId = s.editor()->listId();
            op.itemId = jam;
            op.fields = {{QStringLiteral("quantity"), q}};
            Error e;
            QVERIFY(s.account()->sync()->apply(op, &e));
        };
        setQuantity(mum, 2);
        const qint64 mumWrote = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentMSecsSinceEpoch() > mumWrote; }));
        setQuantity(dad, 3);
        dad.account()->sync()->start();
        QVERIFY(live(dad));
        QTRY_COMPARE_WITH_TIMEOUT(dad.status()->pendingCount(), 0, 10000);
        mum.account()->sync()->start();
        QVERIFY(live(mum));
        QTRY_COMPARE_WITH_TIMEOUT(
            itemData(mum.editor()->items(), QStringLiteral("Jam"), ItemsModel::ConflictRole)
                .toString(),
            QStringLiteral("Dad set 3, you set 2"), 10000);
        QCOMPARE(itemData(mum.editor()->items(), QStringLiteral("Jam"), ItemsModel::QuantityRole)
                     .toInt(),
                 3);
        mum.editor()->keepMine(jam);
        QVERIFY(itemData(mum.editor()->items(), QStringLiteral("Jam"), ItemsModel::ConflictRole)
                    .toString()
                    .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            itemData(dad.editor()->items(), QStringLiteral("Jam"), ItemsModel::QuantityRole)
                .toInt(),
            2, 10000);

        // None of this reset either model.
        QCOMPARE(dadResets.size(), 0);
        QCOMPARE(mumResets.size(), 0);

        // Done items fold away: checking one off removes its row; it counts as done.
        mum.editor()->items()->setShowDone(false);
        // (One checked off on this device stays a moment, struck through, then folds.)
        QTRY_VERIFY(!itemData(mum.editor()->items(), QStringLiteral("Oat milk"), ItemsModel::IdRole)
                         .isValid());
        const int open = mum.editor()->items()->rowCount();
        QSignalSpy folded(mum.editor()->items(), &QAbstractItemModel::rowsRemoved);
        const int doneBefore = mum.editor()->items()->doneCount();
        dad.editor()->setDone(jam, true);
        QTRY_COMPARE_WITH_TIMEOUT(mum.editor()->items()->rowCount(), open - 1, 10000);
        QCOMPARE(folded.size(), 1);
        QCOMPARE(mum.editor()->items()->doneCount(), doneBefore + 1);
        QCOMPARE(mum.editor()->items()->openCount(), open - 1);

        // Find (Ctrl+F): only matching titles, any case; cleared with the list.
        mum.editor()->items()->setShowDone(true);
        mum.editor()->items()->setFilter(QStringLiteral("MILK"));
        QCOMPARE(mum.editor()->items()->rowCount(), 1);
        QCOMPARE(mum.editor()->items()->index(0).data().toString(), QStringLiteral("Oat milk"));
        mum.editor()->items()->setFilter({});
        mum.editor()->items()->setShowDone(false);

        // Details: quantity and category; a shopping list groups by category (the shop's
        // order of the dictionary's categories, then the family's own, the uncategorised
        // last), and the change reaches Dad with the same grouping.
        QVERIFY(mum.editor()->items()->groupByCategory());
        const QString plums =
            itemData(mum.editor()->items(), QStringLiteral("Plums"), ItemsModel::IdRole).toString();
        mum.editor()->updateItem(plums,
                                 {{QStringLiteral("quantity"), QStringLiteral("6")},
                                  {QStringLiteral("category"), QStringLiteral("Fruit")}});
        QCOMPARE(itemData(mum.editor()->items(), QStringLiteral("Plums"), ItemsModel::QuantityRole)
                     .toInt(),
                 6);
        const auto last = [](ItemsModel *items) {
            return items->index(items->rowCount() - 1).data(ItemsModel::IdRole).toString();
        };
        QCOMPARE(itemData(mum.editor()->items(), QStringLiteral("Apples"), ItemsModel::CategoryRole)
                     .toString(),
                 QStringLiteral("Fruit & vegetables")); // the dictionary's
        QCOMPARE(last(mum.editor()->items()), plums);
        QCOMPARE(mum.editor()->undoText(), QStringLiteral("Plums changed"));
        QTRY_COMPARE_WITH_TIMEOUT(last(dad.editor()->items()), plums, 10000);
        // The family puts its Fruit first.
        mum.editor()->setCategoryOrder({QStringLiteral("Fruit")});
        QCOMPARE(mum.editor()->items()->index(0).data(ItemsModel::IdRole).toString(), plums);
        QTRY_COMPARE_WITH_TIMEOUT(
            dad.editor()->items()->index(0).data(ItemsModel::IdRole).toString(), plums, 10000);
        mum.editor()->undo();
        QCOMPARE(last(mum.editor()->items()), plums);
        mum.editor()->updateItem(plums, {{QStringLiteral("category"), QString()}});
        QCOMPARE(last(mum.editor()->items()), plums); // uncategorised: last

        // Moving by keyboard (Alt+Down): one row down, everywhere.
        const QString top = mum.editor()->items()->index(0).data(ItemsModel::IdRole).toString();
        mum.editor()->moveItem(top, 1);
        // (Below its old place: the items made here share one position, so past the ones
        // it ties with.)
        QVERIFY(mum.editor()->items()->rowOf(top) >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            dad.editor()->items()->rowOf(top) >
                dad.editor()->items()->rowOf(
                    mum.editor()->items()->index(0).data(ItemsModel::IdRole).toString()),
            true, 10000);

        // A remote reorder is a row move, not a reset.
        QSignalSpy moves(mum.editor()->items(), &QAbstractItemModel::rowsMoved);
        QSignalSpy resets(mum.editor()->items(), &QAbstractItemModel::modelReset);
        const QString first = mum.editor()->items()->index(0).data(ItemsModel::IdRole).toString();
        Op move;
        move.type = Op::Type::ItemMove;
        move.listId = dad.editor()->listId();
        move.itemId = first;
        move.fields = {{QStringLiteral("position"), dad.editor()->items()->positionAtEnd()}};
        Error e;
        QVERIFY(dad.account()->sync()->apply(move, &e));
        // (To the end of its group: the uncategorised Plums stay below it.)
        QTRY_COMPARE_WITH_TIMEOUT(mum.editor()->items()->rowOf(first),
                                  mum.editor()->items()->rowOf(plums) - 1, 10000);
        QCOMPARE(moves.size(), 1);
        QCOMPARE(resets.size(), 0);
    }

    void tiedPositionsAreSeparated()
    {
        // Two devices offline each add an item at the end: both take the same key. An item
        // moved between the two lands between them, not past both.
        Session pam(m_server.url(), m_dir.filePath(QStringLiteral("tie")));
        pam.user()->createAccount(address(), QStringLiteral("Pam"),
                                  QStringLiteral("pam@tie.example"),
                                  QStringLiteral("password-pam"));
        QVERIFY(live(pam));
        pam.households()->createHousehold(QStringLiteral("Ties"));
        QTRY_COMPARE_WITH_TIMEOUT(pam.households()->all().size(), 1, 10000);
        pam.households()->createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
        pam.editor()->addItem(QStringLiteral("A"));
        Session laptop(m_server.url(), m_dir.filePath(QStringLiteral("tie-2")));
        laptop.user()->signIn(address(), QStringLiteral("pam@tie.example"),
                              QStringLiteral("password-pam"));
        QVERIFY(live(laptop));
        QTRY_COMPARE_WITH_TIMEOUT(laptop.editor()->items()->rowCount(), 1, 10000);
        pam.account()->sync()->stop();
        laptop.account()->sync()->stop();
        pam.editor()->addItem(QStringLiteral("B"));
        laptop.editor()->addItem(QStringLiteral("C"));
        pam.account()->sync()->start();
        laptop.account()->sync()->start();
        const auto titles = [](Session &s) {
            QStringList out;
            for (int i = 0; i < s.editor()->items()->rowCount(); ++i)
                out << s.editor()->items()->index(i).data(ItemsModel::TitleRole).toString();
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(titles(pam).size(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(titles(laptop), titles(pam), 10000);
        const auto position = [&](int row) {
            return pam.editor()->items()->index(row).data(ItemsModel::PositionRole).toString();
        };
        QCOMPARE(position(1), position(2)); // the tie
        const QStringList before = titles(pam);
        pam.editor()->moveItem(pam.editor()->items()->index(0).data(ItemsModel::IdRole).toString(),
                               1);
        const QStringList after {before.at(1), QStringLiteral("A"), before.at(2)};
        QCOMPARE(titles(pam), after);
        QVERIFY(position(0) < position(1) && position(1) < position(2));
        QTRY_COMPARE_WITH_TIMEOUT(titles(laptop), after, 10000);
    }

    void longPositionsAreRebalanced()
    {
        // Moving an item into the same gap over and over makes its key longer each time;
        // past a length, the list's items get short keys again (ordinary moves, synced)
        // and the order is what the user made.
        Session pam(m_server.url(), m_dir.filePath(QStringLiteral("rebalance")));
        pam.user()->createAccount(address(), QStringLiteral("Pam"),
                                  QStringLiteral("pam@gaps.example"),
                                  QStringLiteral("password-pam"));
        QVERIFY(live(pam));
        pam.households()->createHousehold(QStringLiteral("Gaps"));
        QTRY_COMPARE_WITH_TIMEOUT(pam.households()->all().size(), 1, 10000);
        pam.households()->createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
        for (const char *title : {"A", "B", "C", "D"})
            pam.editor()->addItem(QString::fromLatin1(title));
        QCOMPARE(pam.editor()->items()->rowCount(), 4);
        auto longest = [&] {
            qsizetype n = 0;
            for (int i = 0; i < pam.editor()->items()->rowCount(); ++i)
                n = std::max(n,
                             pam.editor()
                                 ->items()
                                 ->index(i)
                                 .data(ItemsModel::PositionRole)
                                 .toString()
                                 .size());
            return n;
        };
        // The third row into the gap after the first, again and again: each new key lies
        // between A's and the one before it.
        QStringList expected {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                              QStringLiteral("D")};
        QSignalSpy moves(pam.editor()->items(), &QAbstractItemModel::rowsMoved);
        int rebalances = 0;
        qsizetype previous = longest();
        for (int i = 0; i < 400; ++i) {
            pam.editor()->moveItem(
                pam.editor()->items()->index(2).data(ItemsModel::IdRole).toString(), 1);
            expected.move(2, 1);
            const qsizetype now = longest();
            QVERIFY2(now <= FracIndex::kRebalanceLength + 1, qPrintable(QString::number(now)));
            rebalances += now < previous - 10 ? 1 : 0;
            previous = now;
        }
        QVERIFY(rebalances >= 1);
        QStringList order;
        for (int i = 0; i < pam.editor()->items()->rowCount(); ++i)
            order << pam.editor()->items()->index(i).data(ItemsModel::TitleRole).toString();
        QCOMPARE(order, expected);
        QVERIFY(moves.size() >= 400);
        // Everything reaches the server, and a second device sees the same order.
        QTRY_COMPARE_WITH_TIMEOUT(pam.status()->pendingCount(), 0, 20000);
        Session other(m_server.url(), m_dir.filePath(QStringLiteral("rebalance-2")));
        other.user()->signIn(address(), QStringLiteral("pam@gaps.example"),
                             QStringLiteral("password-pam"));
        QVERIFY(live(other));
        QTRY_COMPARE_WITH_TIMEOUT(other.editor()->items()->rowCount(), 4, 10000);
        QStringList seen;
        for (int i = 0; i < other.editor()->items()->rowCount(); ++i)
            seen << other.editor()->items()->index(i).data(ItemsModel::TitleRole).toString();
        QCOMPARE(seen, order);
    }

    void householdWideActivity()
    {
        Session mum(m_server.url(), m_dir.filePath(QStringLiteral("h-mum")));
        mum.user()->createAccount(address(), QStringLiteral("Mum"),
                                  QStringLiteral("mum@feed.example"),
                                  QStringLiteral("password-mum"));
        QVERIFY(live(mum));
        mum.households()->createHousehold(QStringLiteral("The Feeds"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.households()->all().size(), 1, 10000);
        mum.households()->createList(QStringLiteral("Garden"), QStringLiteral("tasks"));
        const QString garden = mum.editor()->listId();
        mum.editor()->addItem(QStringLiteral("Rake leaves"));
        // (The household's feed is in the server's time; changes of the same millisecond on
        // two lists have no order of their own.)
        QTRY_COMPARE_WITH_TIMEOUT(mum.status()->pendingCount(), 0, 10000);
        const qint64 raked = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentMSecsSinceEpoch() > raked; }));
        mum.households()->createList(QStringLiteral("Groceries"), QStringLiteral("shopping"));
        mum.editor()->addItem(QStringLiteral("Milk"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.status()->pendingCount(), 0, 10000);

        ui::ActivityModel *feed = mum.editor()->activity();
        QAbstractItemModelTester tester(feed,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(feed->index(0).data().toString(),
                                  QStringLiteral("Mum added Milk"), 10000);
        feed->setWholeHousehold(true);
        QStringList all;
        for (int i = 0; i < feed->rowCount(); ++i)
            all << feed->index(i).data().toString();
        QCOMPARE(all.value(0), QStringLiteral("Mum added Milk in Groceries"));
        QVERIFY2(all.contains(QStringLiteral("Mum added Rake leaves in Garden")),
                 qPrintable(all.join(u'|')));
        QVERIFY2(all.contains(QStringLiteral("Mum created the list Garden")),
                 qPrintable(all.join(u'|')));

        // Dad joins on a new device: his feed of the household comes from the server.
        mum.households()->createInvite();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.households()->inviteCode().isEmpty(), 10000);
        Session dad(m_server.url(), m_dir.filePath(QStringLiteral("h-dad")));
        dad.user()->createAccount(address(), QStringLiteral("Dad"),
                                  QStringLiteral("dad@feed.example"),
                                  QStringLiteral("password-dad"));
        QVERIFY(live(dad));
        dad.households()->joinHousehold(mum.households()->inviteCode());
        QTRY_COMPARE_WITH_TIMEOUT(dad.households()->lists()->rowCount(), 2, 10000);
        dad.editor()->activity()->setWholeHousehold(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (dad.editor()->activity()->canFetchMore({}))
                    dad.editor()->activity()->fetchMore({});
                for (int i = 0; i < dad.editor()->activity()->rowCount(); ++i) {
                    if (dad.editor()->activity()->index(i).data().toString() ==
                        QLatin1String("Mum added Rake leaves in Garden"))
                        return true;
                }
                return false;
            }(),
            10000);

        // A change on the other list arrives at the top of Mum's household feed, as one
        // inserted row.
        QSignalSpy inserted(feed, &QAbstractItemModel::rowsInserted);
        QSignalSpy resets(feed, &QAbstractItemModel::modelReset);
        dad.editor()->setListId(garden);
        QTRY_COMPARE_WITH_TIMEOUT(dad.editor()->items()->rowCount(), 1, 10000);
        dad.editor()->addItem(QStringLiteral("Mow the lawn"));
        QTRY_COMPARE_WITH_TIMEOUT(feed->index(0).data().toString(),
                                  QStringLiteral("Dad added Mow the lawn in Garden"), 10000);
        QCOMPARE(feed->index(0).data(ui::ActivityModel::ListNameRole).toString(),
                 QStringLiteral("Garden"));
        QVERIFY(!inserted.isEmpty());
        QCOMPARE(resets.size(), 0);
        // Taken back from the household feed, while Groceries is open.
        QCOMPARE(mum.editor()->name(), QStringLiteral("Groceries"));
        mum.editor()->revertActivity(0);
        QTRY_COMPARE_WITH_TIMEOUT(dad.editor()->items()->rowCount(), 1, 10000);
        // Back to the open list only.
        feed->setWholeHousehold(false);
        QCOMPARE(feed->index(0).data().toString(), QStringLiteral("Mum added Milk"));

        // Dad starts a household of his own: the switcher has two, each with its lists
        // and its own feed.
        const QString family = dad.households()->currentId();
        dad.households()->createHousehold(QStringLiteral("Dad's allotment"));
        QTRY_COMPARE_WITH_TIMEOUT(dad.households()->all().size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dad.households()->currentName(),
                                  QStringLiteral("Dad's allotment"), 10000);
        QCOMPARE(dad.households()->lists()->rowCount(), 0);
        dad.households()->createList(QStringLiteral("Seeds"), QStringLiteral("shopping"));
        QCOMPARE(dad.households()->lists()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(dad.editor()->activity()->rowCount(), 1, 10000);
        QCOMPARE(dad.editor()->activity()->index(0).data().toString(),
                 QStringLiteral("Dad created the list Seeds"));
        dad.households()->setCurrentId(family);
        QCOMPARE(dad.households()->currentName(), QStringLiteral("The Feeds"));
        QCOMPARE(dad.households()->lists()->rowCount(), 2);
        QVERIFY(dad.editor()->activity()->rowCount() > 1);
        for (int i = 0; i < dad.editor()->activity()->rowCount(); ++i)
            QVERIFY(!dad.editor()->activity()->index(i).data().toString().contains(
                QLatin1String("Seeds")));
    }

    // Settings > Language: German at once, without a restart: what C++ has put into words
    // says it again (the status, the feed, quantities in German digits), German input is
    // understood, and the choice is kept for the next start.
    void languageSwitchesWhileRunning()
    {
        const QString dir = m_dir.filePath(QStringLiteral("lang"));
        Session s(m_server.url(), dir);
        QCOMPARE(s.settings()->languageInUse(), QStringLiteral("en")); // the tests' locale
        QCOMPARE(s.settings()->language(), QString());
        s.user()->createAccount(address(), QStringLiteral("Oma"),
                                QStringLiteral("oma@lang.example"), QStringLiteral("password-oma"));
        QVERIFY(live(s));
        s.households()->createHousehold(QStringLiteral("Die Omas"));
        QTRY_COMPARE_WITH_TIMEOUT(s.households()->all().size(), 1, 10000);
        s.households()->createList(QStringLiteral("Einkauf"), QStringLiteral("shopping"));
        s.editor()->addItem(QStringLiteral("Milch"));
        QCOMPARE(s.editor()->items()->rowCount(), 1);
        const QString milk = s.editor()->items()->index(0).data(ItemsModel::IdRole).toString();
        s.editor()->updateItem(milk, {{QStringLiteral("quantity"), QStringLiteral("1.5")}});
        const auto quantityText = [&] {
            return s.editor()->items()->index(0).data(ItemsModel::QuantityTextRole).toString();
        };
        QCOMPARE(quantityText(), QStringLiteral("×1.5"));
        QTRY_COMPARE_WITH_TIMEOUT(s.editor()->activity()->index(0).data().toString(),
                                  QStringLiteral("Oma changed Milch"), 10000);
        QCOMPARE(s.status()->label(), QStringLiteral("Live"));

        const QString credentialStatus = s.user()->credentialStatus(); // no keychain in these tests
        QVERIFY(!credentialStatus.isEmpty());
        QSignalSpy languageChanged(s.settings(), &kinlist::ui::AppSettings::languageChanged);
        QSignalSpy statusChanged(s.status(), &ui::ConnectionStatus::changed);
        QSignalSpy itemsChanged(s.editor()->items(), &QAbstractItemModel::dataChanged);
        QSignalSpy feedChanged(s.editor()->activity(), &QAbstractItemModel::dataChanged);
        s.settings()->setLanguage(QStringLiteral("xx"));
        QCOMPARE(languageChanged.size(), 0);
        s.settings()->setLanguage(QStringLiteral("de"));
        QCOMPARE(languageChanged.size(), 1);
        QCOMPARE(s.settings()->languageInUse(), QStringLiteral("de"));
        QVERIFY(!statusChanged.isEmpty() && !itemsChanged.isEmpty() && !feedChanged.isEmpty());
        QCOMPARE(s.status()->label(),
                 QCoreApplication::translate("kinlist::ui::ConnectionStatus", "Live"));
        QVERIFY2(s.status()->detail().startsWith(QCoreApplication::translate(
                     "kinlist::ui::ConnectionStatus",
                     "Connected. Changes appear on every device at once.")) &&
                     !s.status()->detail().startsWith(QLatin1String("Connected.")),
                 qPrintable(s.status()->detail()));
        const QString sentence = s.editor()->activity()->index(0).data().toString();
        QVERIFY2(sentence.contains(QLatin1String("Milch")) &&
                     sentence != QLatin1String("Oma changed Milch"),
                 qPrintable(sentence));
        QCOMPARE(quantityText(), QStringLiteral("×1,5"));
        QVERIFY(!s.user()->credentialStatus().isEmpty() &&
                s.user()->credentialStatus() != credentialStatus);
        s.editor()->updateItem(milk, {{QStringLiteral("quantity"), QStringLiteral("2,5")}});
        QCOMPARE(s.editor()->items()->index(0).data(ItemsModel::QuantityRole).toDouble(), 2.5);
        s.editor()->updateItem(milk, {{QStringLiteral("quantity"), QStringLiteral("viel")}});
        QCOMPARE(s.editor()->items()->index(0).data(ItemsModel::QuantityRole).toDouble(), 2.5);

        {
            Session next(m_server.url(), dir);
            QCOMPARE(next.settings()->language(), QStringLiteral("de"));
            QCOMPARE(next.settings()->languageInUse(), QStringLiteral("de"));
        }
        s.settings()->setLanguage(QString());
        QCOMPARE(s.settings()->languageInUse(), QStringLiteral("en"));
        QVERIFY(live(s));
        QCOMPARE(s.status()->label(), QStringLiteral("Live"));
        QCOMPARE(quantityText(), QStringLiteral("×2.5"));
    }

    void kitchenTabletPairsAndChecksOffForDad()
    {
        const QString mumDir = m_dir.filePath(QStringLiteral("k-mum"));
        Session mum(m_server.url(), mumDir);
        mum.user()->createAccount(address(), QStringLiteral("Mum"),
                                  QStringLiteral("mum@kiosk.example"),
                                  QStringLiteral("password-mum"));
        QVERIFY(live(mum));
        mum.households()->createHousehold(QStringLiteral("The Kiosks"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.households()->all().size(), 1, 10000);
        mum.households()->createList(QStringLiteral("Groceries"), QStringLiteral("shopping"));
        mum.editor()->addItem(QStringLiteral("Milk"));
        mum.households()->createInvite();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.households()->inviteCode().isEmpty(), 10000);
        Session dad(m_server.url(), m_dir.filePath(QStringLiteral("k-dad")));
        dad.user()->createAccount(address(), QStringLiteral("Dad"),
                                  QStringLiteral("dad@kiosk.example"),
                                  QStringLiteral("password-dad"));
        QVERIFY(live(dad));
        dad.households()->joinHousehold(mum.households()->inviteCode());
        QTRY_COMPARE_WITH_TIMEOUT(dad.households()->all().size(), 1, 10000);
        QCOMPARE(mum.households()->role(), QStringLiteral("owner"));
        QCOMPARE(dad.households()->role(), QStringLiteral("member"));

        // Only an owner makes a pairing code.
        dad.kiosk()->createCode();
        QTRY_VERIFY_WITH_TIMEOUT(!dad.busy(), 10000);
        QVERIFY2(dad.error().contains(QStringLiteral("owner")), qPrintable(dad.error()));
        mum.kiosk()->createCode();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.kiosk()->code().isEmpty(), 10000);
        QVERIFY(mum.kiosk()->codeExpires() > QDateTime::currentDateTime());

        // The tablet pairs in the same data directory as a person's account on that
        // computer would be: the two are kept apart.
        Session tablet(m_server.url(), mumDir, Session::Mode::Kiosk);
        QVERIFY(tablet.isKiosk());
        QVERIFY(!tablet.signedIn());
        tablet.kiosk()->pair(address(), mum.kiosk()->code(), QStringLiteral("Kitchen"),
                             QStringLiteral("2468"), QStringLiteral("2469"));
        QVERIFY2(tablet.error().contains(QStringLiteral("differ")), qPrintable(tablet.error()));
        tablet.kiosk()->pair(address(), mum.kiosk()->code(), QStringLiteral("Kitchen"),
                             QStringLiteral("12"), QStringLiteral("12"));
        QVERIFY2(tablet.error().contains(QStringLiteral("4 to 8")), qPrintable(tablet.error()));
        tablet.kiosk()->pair(address(), QStringLiteral("AAAA-BBBB"), QStringLiteral("Kitchen"),
                             QStringLiteral("2468"), QStringLiteral("2468"));
        QTRY_VERIFY_WITH_TIMEOUT(!tablet.busy(), 10000);
        QVERIFY2(tablet.error().contains(QStringLiteral("pairing code is not valid")),
                 qPrintable(tablet.error()));
        tablet.kiosk()->pair(address(), mum.kiosk()->code().toLower(), QStringLiteral("Kitchen"),
                             QStringLiteral("2468"), QStringLiteral("2468"));
        QVERIFY(live(tablet));
        QCOMPARE(tablet.user()->userName(), QStringLiteral("Kitchen"));
        QTRY_COMPARE_WITH_TIMEOUT(tablet.households()->currentName(), QStringLiteral("The Kiosks"),
                                  10000);
        QCOMPARE(tablet.households()->role(), QStringLiteral("kiosk"));
        QTRY_COMPARE_WITH_TIMEOUT(tablet.editor()->name(), QStringLiteral("Groceries"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(tablet.editor()->items()->rowCount(), 1, 10000);
        QAbstractItemModelTester tabletTester(
            tablet.editor()->items(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(tablet.households()->members().size(), 3, 10000);
        QString dadId;
        for (const QVariant &m : tablet.households()->members()) {
            if (m.toMap().value(QStringLiteral("displayName")).toString() == QLatin1String("Dad"))
                dadId = m.toMap().value(QStringLiteral("userId")).toString();
        }
        QVERIFY(!dadId.isEmpty());

        // Dad taps his face, then Milk: Mum reads that Dad checked it off.
        tablet.kiosk()->setActingFor(dadId);
        const QString milk =
            itemData(tablet.editor()->items(), QStringLiteral("Milk"), ItemsModel::IdRole)
                .toString();
        tablet.editor()->setDone(milk, true);
        mum.editor()->items()->setShowDone(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.editor()->items(), QStringLiteral("Milk"), ItemsModel::DoneRole).toBool(),
            10000);
        QCOMPARE(itemData(mum.editor()->items(), QStringLiteral("Milk"), ItemsModel::ChangedByRole)
                     .toString(),
                 QStringLiteral("Dad"));
        // The feed names Dad, and the tablet he used.
        QTRY_COMPARE_WITH_TIMEOUT(mum.editor()->activity()->index(0).data().toString(),
                                  QStringLiteral("Dad checked off Milk (on Kitchen)"), 10000);
        {
            // A new device of Dad's reads the same from what the server sends it (the
            // list's ops on subscribing).
            Session laptop(m_server.url(), m_dir.filePath(QStringLiteral("k-dad-laptop")));
            laptop.user()->signIn(address(), QStringLiteral("dad@kiosk.example"),
                                  QStringLiteral("password-dad"));
            QVERIFY(live(laptop));
            QTRY_COMPARE_WITH_TIMEOUT(laptop.households()->lists()->rowCount(), 1, 10000);
            laptop.editor()->setListId(laptop.households()->lists()->idAt(0));
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    ui::ActivityModel *feed = laptop.editor()->activity();
                    if (feed->canFetchMore({}))
                        feed->fetchMore({});
                    for (int i = 0; i < feed->rowCount(); ++i) {
                        if (feed->index(i).data().toString() ==
                            QLatin1String("Dad checked off Milk (on Kitchen)"))
                            return true;
                    }
                    return false;
                }(),
                10000);
        }
        // Nobody chosen: the tablet's own name.
        tablet.kiosk()->setActingFor({});
        tablet.editor()->addItem(QStringLiteral("Bread"));
        QTRY_COMPARE_WITH_TIMEOUT(
            itemData(mum.editor()->items(), QStringLiteral("Bread"), ItemsModel::ChangedByRole)
                .toString(),
            QStringLiteral("Kitchen"), 10000);

        // Dad cannot remove anyone; Mum unpairs the tablet, which goes back to pairing.
        QString tabletId;
        QTRY_VERIFY_WITH_TIMEOUT(mum.households()->members().size() == 3, 10000);
        for (const QVariant &m : mum.households()->members()) {
            if (m.toMap().value(QStringLiteral("role")).toString() == QLatin1String("kiosk"))
                tabletId = m.toMap().value(QStringLiteral("userId")).toString();
        }
        QCOMPARE(tabletId, tablet.user()->userId());
        dad.households()->removeMember(tabletId);
        QTRY_VERIFY_WITH_TIMEOUT(dad.error().contains(QStringLiteral("owner")), 10000);
        mum.households()->removeMember(tabletId);
        QTRY_VERIFY_WITH_TIMEOUT(!tablet.signedIn(), 10000);
        QVERIFY2(tablet.error().contains(QStringLiteral("unpaired")), qPrintable(tablet.error()));
        QTRY_COMPARE_WITH_TIMEOUT(mum.households()->members().size(), 2, 10000);

        // The PIN: wrong ones are refused, five in a row lock it for a minute.
        QVERIFY(!tablet.kiosk()->checkPin(QStringLiteral("1111")));
        QVERIFY(tablet.kiosk()->checkPin(QStringLiteral("2468")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!tablet.kiosk()->checkPin(QStringLiteral("0000")));
        QVERIFY2(tablet.error().contains(QStringLiteral("Too many")), qPrintable(tablet.error()));
        QVERIFY(!tablet.kiosk()->checkPin(QStringLiteral("2468"))); // locked, even the right one
        QSignalSpy leaving(tablet.kiosk(), &kinlist::ui::Kiosk::leaveRequested);
        tablet.kiosk()->leave(QStringLiteral("2468"));
        QCOMPARE(leaving.size(), 0);

        // Mum's own account on this computer is untouched by the tablet's.
        QVERIFY(!Session::kioskAtStart(mumDir));
        QSignalSpy entering(mum.kiosk(), &kinlist::ui::Kiosk::useAsKioskRequested);
        mum.kiosk()->useAsKiosk();
        QCOMPARE(entering.size(), 1);
        QVERIFY(Session::kioskAtStart(mumDir));
        Session later(m_server.url(), mumDir, Session::Mode::Kiosk);
        Session laterMum(m_server.url(), mumDir);
        QCOMPARE(later.user()->serverAddress(), address());
        QVERIFY(!later.kiosk()->checkPin(QStringLiteral("1357")));
        QVERIFY(later.kiosk()->checkPin(QStringLiteral("2468")));
        QSignalSpy left(later.kiosk(), &kinlist::ui::Kiosk::leaveRequested);
        later.kiosk()->leave(QStringLiteral("2468"));
        QCOMPARE(left.size(), 1);
        QVERIFY(!Session::kioskAtStart(mumDir));
    }

    void restartSignsInWithTheKeptSession()
    {
        const QString dir = m_dir.filePath(QStringLiteral("kit"));
        {
            Session first(m_server.url(), dir);
            first.user()->createAccount(address(), QStringLiteral("Kit"),
                                        QStringLiteral("kit@example.org"),
                                        QStringLiteral("password-kit"));
            QVERIFY(live(first));
            first.households()->createHousehold(QStringLiteral("Kit's flat"));
            QTRY_COMPARE_WITH_TIMEOUT(first.households()->all().size(), 1, 10000);
            first.households()->createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
            first.editor()->addItem(QStringLiteral("Bins out"));
            QTRY_COMPARE_WITH_TIMEOUT(first.status()->pendingCount(), 0, 10000);
            // A second app for the same account on this computer is turned away.
            Session twin(m_server.url(), dir);
            twin.restore();
            QVERIFY(!twin.signedIn());
            QVERIFY2(twin.error().contains(QStringLiteral("already open")),
                     qPrintable(twin.error()));
        }
        {
            // Without a keychain here the token lives for the session only: the next start
            // opens the lists from disk and asks for the password (the server answers).
            Session second(m_server.url(), dir);
            QTRY_VERIFY_WITH_TIMEOUT(second.user()->keychainMissing(), 10000);
            second.restore();
            QTRY_VERIFY_WITH_TIMEOUT(second.user()->passwordNeeded(), 10000);
            QVERIFY(second.signedIn());
            QTRY_COMPARE_WITH_TIMEOUT(second.households()->currentName(),
                                      QStringLiteral("Kit's flat"), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(second.editor()->name(), QStringLiteral("Chores"), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(second.editor()->items()->rowCount(), 1, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(second.user()->serverReachable(), 10000);
            QCOMPARE(second.user()->email(), QStringLiteral("kit@example.org"));
            second.user()->unlock(QStringLiteral("wrong-password"));
            QTRY_VERIFY_WITH_TIMEOUT(!second.error().isEmpty(), 10000);
            QVERIFY(second.user()->passwordNeeded());
            second.user()->unlock(QStringLiteral("password-kit"));
            QVERIFY(live(second));
            QVERIFY(!second.user()->passwordNeeded());

            // Settings: the opt-in private file keeps the sign-in across restarts; the theme
            // is remembered too.
            second.user()->setRememberInFile(true);
            QTRY_VERIFY_WITH_TIMEOUT(
                second.user()->credentialStatus().contains(QStringLiteral("kept in a file")),
                10000);
            second.settings()->setTheme(QStringLiteral("dark"));
            second.settings()->setNotifications(false);
        }
        Session third(m_server.url(), dir);
        QCOMPARE(third.settings()->theme(), QStringLiteral("dark"));
        QVERIFY(!third.settings()->notifications());
        QVERIFY(third.user()->rememberInFile());
        third.restore();
        QVERIFY(third.signedIn());
        QVERIFY(live(third)); // no sign-in asked for
        QTRY_COMPARE_WITH_TIMEOUT(third.editor()->name(), QStringLiteral("Chores"), 10000);
        // Turned off again: the file goes.
        third.user()->setRememberInFile(false);
        QTRY_VERIFY_WITH_TIMEOUT(
            !third.user()->credentialStatus().contains(QStringLiteral("kept in a file")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            QDir(dir + QStringLiteral("/credentials")).entryList(QDir::Files).isEmpty(), 10000);
    }
};

QTEST_MAIN(TestUiSession)
#include "tst_ui_session.moc"
