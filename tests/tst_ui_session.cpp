// The app's session and models end to end, as the QML front end drives them, against a
// real in-process server: two people sign up, one starts a household and the other joins
// with an invite code; items added, checked, renamed and deleted on one device appear on
// the other as single row changes (never a reset); an offline device's edits arrive when
// it is back. QAbstractItemModelTester watches both item models throughout.
#include "common/testserver.h"
#include "core/fracindex.h"
#include "ui/session.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kinlist;
using kinlist::ui::ItemsModel;
using kinlist::ui::Session;

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
        s.signIn(address(), QStringLiteral("nobody@example.org"), QStringLiteral("wrong-password"));
        QVERIFY(s.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!s.busy(), 10000);
        QVERIFY2(s.error().contains(QStringLiteral("do not match")), qPrintable(s.error()));
        QVERIFY(!s.signedIn());
        s.signIn(QStringLiteral("no server here"), QStringLiteral("a@b.c"), QStringLiteral("x"));
        QTRY_VERIFY_WITH_TIMEOUT(!s.busy(), 10000);
        QVERIFY2(s.error().contains(QStringLiteral("server address")), qPrintable(s.error()));
    }

    void twoDevicesOfOneFamily()
    {
        Session mum(m_server.url(), m_dir.filePath(QStringLiteral("mum")));
        mum.createAccount(address(), QStringLiteral("Mum"), QStringLiteral("mum@smith.example"),
                          QStringLiteral("password-mum"));
        QTRY_VERIFY_WITH_TIMEOUT(mum.signedIn(), 10000);
        QVERIFY(live(mum));
        QCOMPARE(mum.households().size(), 0);
        mum.createHousehold(QStringLiteral("The Smiths"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.households().size(), 1, 10000);
        QCOMPARE(mum.householdName(), QStringLiteral("The Smiths"));
        mum.createList(QStringLiteral("Groceries"), QStringLiteral("shopping"));
        QCOMPARE(mum.currentListName(), QStringLiteral("Groceries"));
        QCOMPARE(mum.lists()->rowCount(), 1);
        QAbstractItemModelTester mumTester(mum.items(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester listsTester(
            mum.lists(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        mum.items()->setShowDone(true); // done items stay in view for the checks below

        // Shown at once, waiting until the server has it.
        mum.addItem(QStringLiteral("Milk"));
        QCOMPARE(mum.items()->rowCount(), 1);
        QCOMPARE(
            itemData(mum.items(), QStringLiteral("Milk"), ItemsModel::SyncStateRole).toString(),
            QStringLiteral("pending"));
        QTRY_COMPARE_WITH_TIMEOUT(
            itemData(mum.items(), QStringLiteral("Milk"), ItemsModel::SyncStateRole).toString(),
            QStringLiteral("confirmed"), 10000);

        // Dad joins with an invite code on his own device.
        mum.createInvite();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.inviteCode().isEmpty(), 10000);
        const QString code = mum.inviteCode();
        Session dad(m_server.url(), m_dir.filePath(QStringLiteral("dad")));
        dad.createAccount(address(), QStringLiteral("Dad"), QStringLiteral("dad@smith.example"),
                          QStringLiteral("password-dad"));
        QVERIFY(live(dad));
        dad.joinHousehold(code.toLower()); // typed carelessly
        QTRY_COMPARE_WITH_TIMEOUT(dad.households().size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dad.currentListName(), QStringLiteral("Groceries"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dad.items()->rowCount(), 1, 10000);
        QAbstractItemModelTester dadTester(dad.items(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        dad.items()->setShowDone(true);
        QSignalSpy dadResets(dad.items(), &QAbstractItemModel::modelReset);
        QSignalSpy dadInserts(dad.items(), &QAbstractItemModel::rowsInserted);
        QSignalSpy dadRemoves(dad.items(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy dadChanges(dad.items(), &QAbstractItemModel::dataChanged);

        // Mum adds: one row appears on Dad's device, saying who added it.
        mum.addItem(QStringLiteral("Bread"));
        QTRY_COMPARE_WITH_TIMEOUT(dad.items()->rowCount(), 2, 10000);
        QCOMPARE(dadInserts.size(), 1);
        QCOMPARE(
            itemData(dad.items(), QStringLiteral("Bread"), ItemsModel::ChangedByRole).toString(),
            QStringLiteral("Mum"));

        // Dad checks Milk off: on Mum's device only that row's roles change.
        const QString milk =
            itemData(dad.items(), QStringLiteral("Milk"), ItemsModel::IdRole).toString();
        QSignalSpy mumChanges(mum.items(), &QAbstractItemModel::dataChanged);
        QSignalSpy mumResets(mum.items(), &QAbstractItemModel::modelReset);
        dad.setDone(milk, true);
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.items(), QStringLiteral("Milk"), ItemsModel::DoneRole).toBool(), 10000);
        bool doneRoleAnnounced = false;
        for (const auto &args : std::as_const(mumChanges))
            doneRoleAnnounced =
                doneRoleAnnounced || args.at(2).value<QList<int>>().contains(ItemsModel::DoneRole);
        QVERIFY(doneRoleAnnounced);
        QCOMPARE(mum.items()->doneCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            mum.lists()->index(0).data(kinlist::ui::ListsModel::OpenCountRole).toInt(), 1, 10000);

        // Renamed and deleted on Mum's device: a role change and a row removal on Dad's.
        mum.renameItem(milk, QStringLiteral("Oat milk"));
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(dad.items(), QStringLiteral("Oat milk"), ItemsModel::IdRole).isValid(), 10000);
        const QString bread =
            itemData(mum.items(), QStringLiteral("Bread"), ItemsModel::IdRole).toString();
        mum.removeItem(bread);
        QCOMPARE(mum.items()->rowCount(), 1); // gone at once here
        QTRY_COMPARE_WITH_TIMEOUT(dad.items()->rowCount(), 1, 10000);
        QCOMPARE(dadRemoves.size(), 1);
        QCOMPARE(dadInserts.size(), 1);
        QVERIFY(!dadChanges.isEmpty());

        // Toasts: Dad adding several items shows Mum one coalesced toast that names him;
        // his own changes never toast on his device.
        const int dadToastsBefore = dad.toasts()->rowCount();
        for (const char *t : {"Apples", "Pears", "Plums"})
            dad.addItem(QString::fromLatin1(t));
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.items(), QStringLiteral("Plums"), ItemsModel::IdRole).isValid(), 10000);
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
        mum.setLanguage(QStringLiteral("de"));
        const QString german = QCoreApplication::translate("kinlist::ui::ToastQueue",
                                                           "%1 added %n item(s) to %2", nullptr, 3)
                                   .arg(QStringLiteral("Dad"), QStringLiteral("Groceries"));
        QVERIFY(german != QLatin1String("Dad added 3 items to Groceries"));
        bool saidAgain = false;
        for (int i = 0; i < mum.toasts()->rowCount(); ++i)
            saidAgain = saidAgain || mum.toasts()->index(i).data().toString() == german;
        QVERIFY2(saidAgain, qPrintable(german));
        mum.setLanguage(QString());
        // A muted list stays quiet.
        mum.setCurrentListMuted(true);
        while (mum.toasts()->rowCount() > 0)
            mum.toasts()->dismiss(0);
        dad.addItem(QStringLiteral("Figs"));
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.items(), QStringLiteral("Figs"), ItemsModel::IdRole).isValid(), 10000);
        QCOMPARE(mum.toasts()->rowCount(), 0);
        mum.setCurrentListMuted(false);

        // The activity feed says who did what, newest first, as rows added at the top.
        QAbstractItemModelTester activityTester(
            mum.activity(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // (New entries are read in bursts, a moment after they arrive.)
        QTRY_COMPARE_WITH_TIMEOUT(mum.activity()->index(0).data().toString(),
                                  QStringLiteral("Dad added Figs"), 10000);
        QStringList feed;
        for (int i = 0; i < mum.activity()->rowCount(); ++i)
            feed << mum.activity()->index(i).data().toString();
        QCOMPARE(feed.value(0), QStringLiteral("Dad added Figs"));
        QVERIFY2(feed.contains(QStringLiteral("Dad checked off Oat milk")),
                 qPrintable(feed.join(u'|')));
        QVERIFY(feed.contains(QStringLiteral("Mum removed Bread")));
        QCOMPARE(feed.constLast(), QStringLiteral("Mum created the list"));
        // Any entry can be taken back, whoever made it: Dad's check-off of the milk, and his
        // adding the figs.
        const int checkedOff = feed.indexOf(QStringLiteral("Dad checked off Oat milk"));
        mum.revertActivity(checkedOff);
        QVERIFY(!itemData(mum.items(), QStringLiteral("Oat milk"), ItemsModel::DoneRole).toBool());
        mum.revertActivity(feed.indexOf(QStringLiteral("Dad added Figs")));
        QVERIFY(!itemData(mum.items(), QStringLiteral("Figs"), ItemsModel::IdRole).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(
            !itemData(dad.items(), QStringLiteral("Figs"), ItemsModel::IdRole).isValid() &&
                !itemData(dad.items(), QStringLiteral("Oat milk"), ItemsModel::DoneRole).toBool(),
            10000);
        // Checked off again for what follows.
        mum.setDone(
            itemData(mum.items(), QStringLiteral("Oat milk"), ItemsModel::IdRole).toString(), true);
        QSignalSpy activityInserts(mum.activity(), &QAbstractItemModel::rowsInserted);

        // Undo: a check-off and a delete are taken back (everywhere).
        const QString apples =
            itemData(mum.items(), QStringLiteral("Apples"), ItemsModel::IdRole).toString();
        mum.setDone(apples, true);
        QCOMPARE(mum.undoText(), QStringLiteral("Apples checked off"));
        mum.undo();
        QVERIFY(!itemData(mum.items(), QStringLiteral("Apples"), ItemsModel::DoneRole).toBool());
        mum.removeItem(apples);
        QVERIFY(!itemData(mum.items(), QStringLiteral("Apples"), ItemsModel::IdRole).isValid());
        mum.undo();
        QVERIFY(itemData(mum.items(), QStringLiteral("Apples"), ItemsModel::IdRole).isValid());
        QTRY_COMPARE_WITH_TIMEOUT(dad.status()->state(), QStringLiteral("live"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(dad.items(), QStringLiteral("Apples"), ItemsModel::IdRole).isValid() &&
                !itemData(dad.items(), QStringLiteral("Apples"), ItemsModel::DoneRole).toBool() &&
                mum.status()->pendingCount() == 0,
            10000);

        // Adding what is already open asks first; "add 1 more" raises the quantity.
        const int before = mum.items()->rowCount();
        mum.addItem(QStringLiteral("apples"));
        QCOMPARE(mum.items()->rowCount(), before);
        QVERIFY2(mum.duplicateText().startsWith(
                     QStringLiteral("Apples is already on the list (added by Dad, ")),
                 qPrintable(mum.duplicateText()));
        mum.addOneMore();
        QVERIFY(mum.duplicateText().isEmpty());
        QCOMPARE(itemData(mum.items(), QStringLiteral("Apples"), ItemsModel::QuantityRole).toInt(),
                 2);
        mum.addItem(QStringLiteral("Apples"));
        mum.addAnyway();
        QCOMPARE(mum.items()->rowCount(), before + 1);

        // Dad offline: his edit waits, and arrives when he is back.
        dad.account()->sync()->stop();
        QCOMPARE(dad.status()->state(), QStringLiteral("offline"));
        dad.addItem(QStringLiteral("Jam"));
        QCOMPARE(dad.status()->pendingCount(), 1);
        QVERIFY(dad.status()->detail().contains(QStringLiteral("waiting")));
        QCOMPARE(itemData(dad.items(), QStringLiteral("Jam"), ItemsModel::SyncStateRole).toString(),
                 QStringLiteral("pending"));
        dad.account()->sync()->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.items(), QStringLiteral("Jam"), ItemsModel::IdRole).isValid(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dad.status()->pendingCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(mum.activity()->index(0).data().toString(),
                                  QStringLiteral("Dad added Jam"), 10000);
        QVERIFY(!activityInserts.isEmpty());
        // Who else is looking: Mum sees Dad's face on Groceries (and not her own).
        QTRY_COMPARE_WITH_TIMEOUT(mum.presence().size(), 1, 10000);
        QCOMPARE(mum.presence().first().toMap().value(QStringLiteral("initials")).toString(),
                 QStringLiteral("D"));

        // Both offline set the quantity of Jam; Dad's later write wins. Mum, back second,
        // is told on the item, and "keep mine" makes hers the value everywhere.
        const QString jam =
            itemData(mum.items(), QStringLiteral("Jam"), ItemsModel::IdRole).toString();
        mum.account()->sync()->stop();
        dad.account()->sync()->stop();
        const auto setQuantity = [&](Session &s, int q) {
            Op op;
            op.type = Op::Type::ItemSet;
            op.listId = s.currentListId();
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
            itemData(mum.items(), QStringLiteral("Jam"), ItemsModel::ConflictRole).toString(),
            QStringLiteral("Dad set 3, you set 2"), 10000);
        QCOMPARE(itemData(mum.items(), QStringLiteral("Jam"), ItemsModel::QuantityRole).toInt(), 3);
        mum.keepMine(jam);
        QVERIFY(itemData(mum.items(), QStringLiteral("Jam"), ItemsModel::ConflictRole)
                    .toString()
                    .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            itemData(dad.items(), QStringLiteral("Jam"), ItemsModel::QuantityRole).toInt(), 2,
            10000);

        // None of this reset either model.
        QCOMPARE(dadResets.size(), 0);
        QCOMPARE(mumResets.size(), 0);

        // Done items fold away: checking one off removes its row; it counts as done.
        mum.items()->setShowDone(false);
        // (One checked off on this device stays a moment, struck through, then folds.)
        QTRY_VERIFY(
            !itemData(mum.items(), QStringLiteral("Oat milk"), ItemsModel::IdRole).isValid());
        const int open = mum.items()->rowCount();
        QSignalSpy folded(mum.items(), &QAbstractItemModel::rowsRemoved);
        const int doneBefore = mum.items()->doneCount();
        dad.setDone(jam, true);
        QTRY_COMPARE_WITH_TIMEOUT(mum.items()->rowCount(), open - 1, 10000);
        QCOMPARE(folded.size(), 1);
        QCOMPARE(mum.items()->doneCount(), doneBefore + 1);
        QCOMPARE(mum.items()->openCount(), open - 1);

        // Find (Ctrl+F): only matching titles, any case; cleared with the list.
        mum.items()->setShowDone(true);
        mum.items()->setFilter(QStringLiteral("MILK"));
        QCOMPARE(mum.items()->rowCount(), 1);
        QCOMPARE(mum.items()->index(0).data().toString(), QStringLiteral("Oat milk"));
        mum.items()->setFilter({});
        mum.items()->setShowDone(false);

        // Details: quantity and category; a shopping list groups by category (the
        // uncategorised last), and the change reaches Dad with the same grouping.
        QVERIFY(mum.items()->groupByCategory());
        const QString plums =
            itemData(mum.items(), QStringLiteral("Plums"), ItemsModel::IdRole).toString();
        mum.updateItem(plums,
                       {{QStringLiteral("quantity"), QStringLiteral("6")},
                        {QStringLiteral("category"), QStringLiteral("Fruit")}});
        QCOMPARE(itemData(mum.items(), QStringLiteral("Plums"), ItemsModel::QuantityRole).toInt(),
                 6);
        QCOMPARE(mum.items()->index(0).data(ItemsModel::IdRole).toString(), plums);
        QCOMPARE(mum.undoText(), QStringLiteral("Plums changed"));
        QTRY_COMPARE_WITH_TIMEOUT(dad.items()->index(0).data(ItemsModel::IdRole).toString(), plums,
                                  10000);
        mum.updateItem(plums, {{QStringLiteral("category"), QString()}});
        QVERIFY(mum.items()->index(0).data(ItemsModel::IdRole).toString() != plums);

        // Moving by keyboard (Alt+Down): one row down, everywhere.
        const QString top = mum.items()->index(0).data(ItemsModel::IdRole).toString();
        mum.moveItem(top, 1);
        QCOMPARE(mum.items()->index(1).data(ItemsModel::IdRole).toString(), top);
        QTRY_COMPARE_WITH_TIMEOUT(
            dad.items()->rowOf(top) >
                dad.items()->rowOf(mum.items()->index(0).data(ItemsModel::IdRole).toString()),
            true, 10000);

        // A remote reorder is a row move, not a reset.
        QSignalSpy moves(mum.items(), &QAbstractItemModel::rowsMoved);
        QSignalSpy resets(mum.items(), &QAbstractItemModel::modelReset);
        const QString first = mum.items()->index(0).data(ItemsModel::IdRole).toString();
        Op move;
        move.type = Op::Type::ItemMove;
        move.listId = dad.currentListId();
        move.itemId = first;
        move.fields = {{QStringLiteral("position"), dad.items()->positionAtEnd()}};
        Error e;
        QVERIFY(dad.account()->sync()->apply(move, &e));
        QTRY_COMPARE_WITH_TIMEOUT(
            mum.items()->index(mum.items()->rowCount() - 1).data(ItemsModel::IdRole).toString(),
            first, 10000);
        QCOMPARE(moves.size(), 1);
        QCOMPARE(resets.size(), 0);
    }

    void longPositionsAreRebalanced()
    {
        // Moving an item into the same gap over and over makes its key longer each time;
        // past a length, the list's items get short keys again (ordinary moves, synced)
        // and the order is what the user made.
        Session pam(m_server.url(), m_dir.filePath(QStringLiteral("rebalance")));
        pam.createAccount(address(), QStringLiteral("Pam"), QStringLiteral("pam@gaps.example"),
                          QStringLiteral("password-pam"));
        QVERIFY(live(pam));
        pam.createHousehold(QStringLiteral("Gaps"));
        QTRY_COMPARE_WITH_TIMEOUT(pam.households().size(), 1, 10000);
        pam.createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
        for (const char *title : {"A", "B", "C", "D"})
            pam.addItem(QString::fromLatin1(title));
        QCOMPARE(pam.items()->rowCount(), 4);
        auto longest = [&] {
            qsizetype n = 0;
            for (int i = 0; i < pam.items()->rowCount(); ++i)
                n = std::max(
                    n, pam.items()->index(i).data(ItemsModel::PositionRole).toString().size());
            return n;
        };
        // The third row into the gap after the first, again and again: each new key lies
        // between A's and the one before it.
        QStringList expected {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                              QStringLiteral("D")};
        QSignalSpy moves(pam.items(), &QAbstractItemModel::rowsMoved);
        int rebalances = 0;
        qsizetype previous = longest();
        for (int i = 0; i < 400; ++i) {
            pam.moveItem(pam.items()->index(2).data(ItemsModel::IdRole).toString(), 1);
            expected.move(2, 1);
            const qsizetype now = longest();
            QVERIFY2(now <= FracIndex::kRebalanceLength + 1, qPrintable(QString::number(now)));
            rebalances += now < previous - 10 ? 1 : 0;
            previous = now;
        }
        QVERIFY(rebalances >= 1);
        QStringList order;
        for (int i = 0; i < pam.items()->rowCount(); ++i)
            order << pam.items()->index(i).data(ItemsModel::TitleRole).toString();
        QCOMPARE(order, expected);
        QVERIFY(moves.size() >= 400);
        // Everything reaches the server, and a second device sees the same order.
        QTRY_COMPARE_WITH_TIMEOUT(pam.status()->pendingCount(), 0, 20000);
        Session other(m_server.url(), m_dir.filePath(QStringLiteral("rebalance-2")));
        other.signIn(address(), QStringLiteral("pam@gaps.example"), QStringLiteral("password-pam"));
        QVERIFY(live(other));
        QTRY_COMPARE_WITH_TIMEOUT(other.items()->rowCount(), 4, 10000);
        QStringList seen;
        for (int i = 0; i < other.items()->rowCount(); ++i)
            seen << other.items()->index(i).data(ItemsModel::TitleRole).toString();
        QCOMPARE(seen, order);
    }

    void householdWideActivity()
    {
        Session mum(m_server.url(), m_dir.filePath(QStringLiteral("h-mum")));
        mum.createAccount(address(), QStringLiteral("Mum"), QStringLiteral("mum@feed.example"),
                          QStringLiteral("password-mum"));
        QVERIFY(live(mum));
        mum.createHousehold(QStringLiteral("The Feeds"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.households().size(), 1, 10000);
        mum.createList(QStringLiteral("Garden"), QStringLiteral("tasks"));
        const QString garden = mum.currentListId();
        mum.addItem(QStringLiteral("Rake leaves"));
        // (The household's feed is in the server's time; changes of the same millisecond on
        // two lists have no order of their own.)
        QTRY_COMPARE_WITH_TIMEOUT(mum.status()->pendingCount(), 0, 10000);
        const qint64 raked = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentMSecsSinceEpoch() > raked; }));
        mum.createList(QStringLiteral("Groceries"), QStringLiteral("shopping"));
        mum.addItem(QStringLiteral("Milk"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.status()->pendingCount(), 0, 10000);

        ui::ActivityModel *feed = mum.activity();
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
        mum.createInvite();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.inviteCode().isEmpty(), 10000);
        Session dad(m_server.url(), m_dir.filePath(QStringLiteral("h-dad")));
        dad.createAccount(address(), QStringLiteral("Dad"), QStringLiteral("dad@feed.example"),
                          QStringLiteral("password-dad"));
        QVERIFY(live(dad));
        dad.joinHousehold(mum.inviteCode());
        QTRY_COMPARE_WITH_TIMEOUT(dad.lists()->rowCount(), 2, 10000);
        dad.activity()->setWholeHousehold(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (dad.activity()->canFetchMore({}))
                    dad.activity()->fetchMore({});
                for (int i = 0; i < dad.activity()->rowCount(); ++i) {
                    if (dad.activity()->index(i).data().toString() ==
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
        dad.setCurrentListId(garden);
        QTRY_COMPARE_WITH_TIMEOUT(dad.items()->rowCount(), 1, 10000);
        dad.addItem(QStringLiteral("Mow the lawn"));
        QTRY_COMPARE_WITH_TIMEOUT(feed->index(0).data().toString(),
                                  QStringLiteral("Dad added Mow the lawn in Garden"), 10000);
        QCOMPARE(feed->index(0).data(ui::ActivityModel::ListNameRole).toString(),
                 QStringLiteral("Garden"));
        QVERIFY(!inserted.isEmpty());
        QCOMPARE(resets.size(), 0);
        // Taken back from the household feed, while Groceries is open.
        QCOMPARE(mum.currentListName(), QStringLiteral("Groceries"));
        mum.revertActivity(0);
        QTRY_COMPARE_WITH_TIMEOUT(dad.items()->rowCount(), 1, 10000);
        // Back to the open list only.
        feed->setWholeHousehold(false);
        QCOMPARE(feed->index(0).data().toString(), QStringLiteral("Mum added Milk"));

        // Dad starts a household of his own: the switcher has two, each with its lists
        // and its own feed.
        const QString family = dad.householdId();
        dad.createHousehold(QStringLiteral("Dad's allotment"));
        QTRY_COMPARE_WITH_TIMEOUT(dad.households().size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dad.householdName(), QStringLiteral("Dad's allotment"), 10000);
        QCOMPARE(dad.lists()->rowCount(), 0);
        dad.createList(QStringLiteral("Seeds"), QStringLiteral("shopping"));
        QCOMPARE(dad.lists()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(dad.activity()->rowCount(), 1, 10000);
        QCOMPARE(dad.activity()->index(0).data().toString(),
                 QStringLiteral("Dad created the list Seeds"));
        dad.setHouseholdId(family);
        QCOMPARE(dad.householdName(), QStringLiteral("The Feeds"));
        QCOMPARE(dad.lists()->rowCount(), 2);
        QVERIFY(dad.activity()->rowCount() > 1);
        for (int i = 0; i < dad.activity()->rowCount(); ++i)
            QVERIFY(!dad.activity()->index(i).data().toString().contains(QLatin1String("Seeds")));
    }

    // Settings > Language: German at once, without a restart: what C++ has put into words
    // says it again (the status, the feed, quantities in German digits), German input is
    // understood, and the choice is kept for the next start.
    void languageSwitchesWhileRunning()
    {
        const QString dir = m_dir.filePath(QStringLiteral("lang"));
        Session s(m_server.url(), dir);
        QCOMPARE(s.languageInUse(), QStringLiteral("en")); // the tests' locale
        QCOMPARE(s.language(), QString());
        s.createAccount(address(), QStringLiteral("Oma"), QStringLiteral("oma@lang.example"),
                        QStringLiteral("password-oma"));
        QVERIFY(live(s));
        s.createHousehold(QStringLiteral("Die Omas"));
        QTRY_COMPARE_WITH_TIMEOUT(s.households().size(), 1, 10000);
        s.createList(QStringLiteral("Einkauf"), QStringLiteral("shopping"));
        s.addItem(QStringLiteral("Milch"));
        QCOMPARE(s.items()->rowCount(), 1);
        const QString milk = s.items()->index(0).data(ItemsModel::IdRole).toString();
        s.updateItem(milk, {{QStringLiteral("quantity"), QStringLiteral("1.5")}});
        const auto quantityText = [&] {
            return s.items()->index(0).data(ItemsModel::QuantityTextRole).toString();
        };
        QCOMPARE(quantityText(), QStringLiteral("×1.5"));
        QTRY_COMPARE_WITH_TIMEOUT(s.activity()->index(0).data().toString(),
                                  QStringLiteral("Oma changed Milch"), 10000);
        QCOMPARE(s.status()->label(), QStringLiteral("Live"));

        const QString credentialStatus = s.credentialStatus(); // no keychain in these tests
        QVERIFY(!credentialStatus.isEmpty());
        QSignalSpy languageChanged(&s, &Session::languageChanged);
        QSignalSpy statusChanged(s.status(), &ui::ConnectionStatus::changed);
        QSignalSpy itemsChanged(s.items(), &QAbstractItemModel::dataChanged);
        QSignalSpy feedChanged(s.activity(), &QAbstractItemModel::dataChanged);
        s.setLanguage(QStringLiteral("xx"));
        QCOMPARE(languageChanged.size(), 0);
        s.setLanguage(QStringLiteral("de"));
        QCOMPARE(languageChanged.size(), 1);
        QCOMPARE(s.languageInUse(), QStringLiteral("de"));
        QVERIFY(!statusChanged.isEmpty() && !itemsChanged.isEmpty() && !feedChanged.isEmpty());
        QCOMPARE(s.status()->label(),
                 QCoreApplication::translate("kinlist::ui::ConnectionStatus", "Live"));
        QVERIFY2(s.status()->detail().startsWith(QCoreApplication::translate(
                     "kinlist::ui::ConnectionStatus",
                     "Connected. Changes appear on every device at once.")) &&
                     !s.status()->detail().startsWith(QLatin1String("Connected.")),
                 qPrintable(s.status()->detail()));
        const QString sentence = s.activity()->index(0).data().toString();
        QVERIFY2(sentence.contains(QLatin1String("Milch")) &&
                     sentence != QLatin1String("Oma changed Milch"),
                 qPrintable(sentence));
        QCOMPARE(quantityText(), QStringLiteral("×1,5"));
        QVERIFY(!s.credentialStatus().isEmpty() && s.credentialStatus() != credentialStatus);
        s.updateItem(milk, {{QStringLiteral("quantity"), QStringLiteral("2,5")}});
        QCOMPARE(s.items()->index(0).data(ItemsModel::QuantityRole).toDouble(), 2.5);
        s.updateItem(milk, {{QStringLiteral("quantity"), QStringLiteral("viel")}});
        QCOMPARE(s.items()->index(0).data(ItemsModel::QuantityRole).toDouble(), 2.5);

        {
            Session next(m_server.url(), dir);
            QCOMPARE(next.language(), QStringLiteral("de"));
            QCOMPARE(next.languageInUse(), QStringLiteral("de"));
        }
        s.setLanguage(QString());
        QCOMPARE(s.languageInUse(), QStringLiteral("en"));
        QVERIFY(live(s));
        QCOMPARE(s.status()->label(), QStringLiteral("Live"));
        QCOMPARE(quantityText(), QStringLiteral("×2.5"));
    }

    void kitchenTabletPairsAndChecksOffForDad()
    {
        const QString mumDir = m_dir.filePath(QStringLiteral("k-mum"));
        Session mum(m_server.url(), mumDir);
        mum.createAccount(address(), QStringLiteral("Mum"), QStringLiteral("mum@kiosk.example"),
                          QStringLiteral("password-mum"));
        QVERIFY(live(mum));
        mum.createHousehold(QStringLiteral("The Kiosks"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.households().size(), 1, 10000);
        mum.createList(QStringLiteral("Groceries"), QStringLiteral("shopping"));
        mum.addItem(QStringLiteral("Milk"));
        mum.createInvite();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.inviteCode().isEmpty(), 10000);
        Session dad(m_server.url(), m_dir.filePath(QStringLiteral("k-dad")));
        dad.createAccount(address(), QStringLiteral("Dad"), QStringLiteral("dad@kiosk.example"),
                          QStringLiteral("password-dad"));
        QVERIFY(live(dad));
        dad.joinHousehold(mum.inviteCode());
        QTRY_COMPARE_WITH_TIMEOUT(dad.households().size(), 1, 10000);
        QCOMPARE(mum.householdRole(), QStringLiteral("owner"));
        QCOMPARE(dad.householdRole(), QStringLiteral("member"));

        // Only an owner makes a pairing code.
        dad.createKioskCode();
        QTRY_VERIFY_WITH_TIMEOUT(!dad.busy(), 10000);
        QVERIFY2(dad.error().contains(QStringLiteral("owner")), qPrintable(dad.error()));
        mum.createKioskCode();
        QTRY_VERIFY_WITH_TIMEOUT(!mum.kioskCode().isEmpty(), 10000);
        QVERIFY(mum.kioskCodeExpires() > QDateTime::currentDateTime());

        // The tablet pairs in the same data directory as a person's account on that
        // computer would be: the two are kept apart.
        Session tablet(m_server.url(), mumDir, Session::Mode::Kiosk);
        QVERIFY(tablet.kiosk());
        QVERIFY(!tablet.signedIn());
        tablet.pairKiosk(address(), mum.kioskCode(), QStringLiteral("Kitchen"),
                         QStringLiteral("2468"), QStringLiteral("2469"));
        QVERIFY2(tablet.error().contains(QStringLiteral("differ")), qPrintable(tablet.error()));
        tablet.pairKiosk(address(), mum.kioskCode(), QStringLiteral("Kitchen"),
                         QStringLiteral("12"), QStringLiteral("12"));
        QVERIFY2(tablet.error().contains(QStringLiteral("4 to 8")), qPrintable(tablet.error()));
        tablet.pairKiosk(address(), QStringLiteral("AAAA-BBBB"), QStringLiteral("Kitchen"),
                         QStringLiteral("2468"), QStringLiteral("2468"));
        QTRY_VERIFY_WITH_TIMEOUT(!tablet.busy(), 10000);
        QVERIFY2(tablet.error().contains(QStringLiteral("pairing code is not valid")),
                 qPrintable(tablet.error()));
        tablet.pairKiosk(address(), mum.kioskCode().toLower(), QStringLiteral("Kitchen"),
                         QStringLiteral("2468"), QStringLiteral("2468"));
        QVERIFY(live(tablet));
        QCOMPARE(tablet.userName(), QStringLiteral("Kitchen"));
        QTRY_COMPARE_WITH_TIMEOUT(tablet.householdName(), QStringLiteral("The Kiosks"), 10000);
        QCOMPARE(tablet.householdRole(), QStringLiteral("kiosk"));
        QTRY_COMPARE_WITH_TIMEOUT(tablet.currentListName(), QStringLiteral("Groceries"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(tablet.items()->rowCount(), 1, 10000);
        QAbstractItemModelTester tabletTester(
            tablet.items(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(tablet.members().size(), 3, 10000);
        QString dadId;
        for (const QVariant &m : tablet.members()) {
            if (m.toMap().value(QStringLiteral("displayName")).toString() == QLatin1String("Dad"))
                dadId = m.toMap().value(QStringLiteral("userId")).toString();
        }
        QVERIFY(!dadId.isEmpty());

        // Dad taps his face, then Milk: Mum reads that Dad checked it off.
        tablet.setActingFor(dadId);
        const QString milk =
            itemData(tablet.items(), QStringLiteral("Milk"), ItemsModel::IdRole).toString();
        tablet.setDone(milk, true);
        mum.items()->setShowDone(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            itemData(mum.items(), QStringLiteral("Milk"), ItemsModel::DoneRole).toBool(), 10000);
        QCOMPARE(
            itemData(mum.items(), QStringLiteral("Milk"), ItemsModel::ChangedByRole).toString(),
            QStringLiteral("Dad"));
        // The feed names Dad, and the tablet he used.
        QTRY_COMPARE_WITH_TIMEOUT(mum.activity()->index(0).data().toString(),
                                  QStringLiteral("Dad checked off Milk (on Kitchen)"), 10000);
        {
            // A new device of Dad's reads the same from what the server sends it (the
            // list's ops on subscribing).
            Session laptop(m_server.url(), m_dir.filePath(QStringLiteral("k-dad-laptop")));
            laptop.signIn(address(), QStringLiteral("dad@kiosk.example"),
                          QStringLiteral("password-dad"));
            QVERIFY(live(laptop));
            QTRY_COMPARE_WITH_TIMEOUT(laptop.lists()->rowCount(), 1, 10000);
            laptop.setCurrentListId(laptop.lists()->idAt(0));
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    ui::ActivityModel *feed = laptop.activity();
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
        tablet.setActingFor({});
        tablet.addItem(QStringLiteral("Bread"));
        QTRY_COMPARE_WITH_TIMEOUT(
            itemData(mum.items(), QStringLiteral("Bread"), ItemsModel::ChangedByRole).toString(),
            QStringLiteral("Kitchen"), 10000);

        // Dad cannot remove anyone; Mum unpairs the tablet, which goes back to pairing.
        QString tabletId;
        QTRY_VERIFY_WITH_TIMEOUT(mum.members().size() == 3, 10000);
        for (const QVariant &m : mum.members()) {
            if (m.toMap().value(QStringLiteral("role")).toString() == QLatin1String("kiosk"))
                tabletId = m.toMap().value(QStringLiteral("userId")).toString();
        }
        QCOMPARE(tabletId, tablet.userId());
        dad.removeMember(tabletId);
        QTRY_VERIFY_WITH_TIMEOUT(dad.error().contains(QStringLiteral("owner")), 10000);
        mum.removeMember(tabletId);
        QTRY_VERIFY_WITH_TIMEOUT(!tablet.signedIn(), 10000);
        QVERIFY2(tablet.error().contains(QStringLiteral("unpaired")), qPrintable(tablet.error()));
        QTRY_COMPARE_WITH_TIMEOUT(mum.members().size(), 2, 10000);

        // The PIN: wrong ones are refused, five in a row lock it for a minute.
        QVERIFY(!tablet.checkKioskPin(QStringLiteral("1111")));
        QVERIFY(tablet.checkKioskPin(QStringLiteral("2468")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!tablet.checkKioskPin(QStringLiteral("0000")));
        QVERIFY2(tablet.error().contains(QStringLiteral("Too many")), qPrintable(tablet.error()));
        QVERIFY(!tablet.checkKioskPin(QStringLiteral("2468"))); // locked, even the right one
        QSignalSpy leaving(&tablet, &Session::leaveKioskRequested);
        tablet.leaveKiosk(QStringLiteral("2468"));
        QCOMPARE(leaving.size(), 0);

        // Mum's own account on this computer is untouched by the tablet's.
        QVERIFY(!Session::kioskAtStart(mumDir));
        QSignalSpy entering(&mum, &Session::useAsKioskRequested);
        mum.useAsKiosk();
        QCOMPARE(entering.size(), 1);
        QVERIFY(Session::kioskAtStart(mumDir));
        Session later(m_server.url(), mumDir, Session::Mode::Kiosk);
        Session laterMum(m_server.url(), mumDir);
        QCOMPARE(later.serverAddress(), address());
        QVERIFY(!later.checkKioskPin(QStringLiteral("1357")));
        QVERIFY(later.checkKioskPin(QStringLiteral("2468")));
        QSignalSpy left(&later, &Session::leaveKioskRequested);
        later.leaveKiosk(QStringLiteral("2468"));
        QCOMPARE(left.size(), 1);
        QVERIFY(!Session::kioskAtStart(mumDir));
    }

    void restartSignsInWithTheKeptSession()
    {
        const QString dir = m_dir.filePath(QStringLiteral("kit"));
        {
            Session first(m_server.url(), dir);
            first.createAccount(address(), QStringLiteral("Kit"), QStringLiteral("kit@example.org"),
                                QStringLiteral("password-kit"));
            QVERIFY(live(first));
            first.createHousehold(QStringLiteral("Kit's flat"));
            QTRY_COMPARE_WITH_TIMEOUT(first.households().size(), 1, 10000);
            first.createList(QStringLiteral("Chores"), QStringLiteral("tasks"));
            first.addItem(QStringLiteral("Bins out"));
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
            QTRY_VERIFY_WITH_TIMEOUT(second.keychainMissing(), 10000);
            second.restore();
            QTRY_VERIFY_WITH_TIMEOUT(second.passwordNeeded(), 10000);
            QVERIFY(second.signedIn());
            QTRY_COMPARE_WITH_TIMEOUT(second.householdName(), QStringLiteral("Kit's flat"), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(second.currentListName(), QStringLiteral("Chores"), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(second.items()->rowCount(), 1, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(second.serverReachable(), 10000);
            QCOMPARE(second.accountEmail(), QStringLiteral("kit@example.org"));
            second.unlock(QStringLiteral("wrong-password"));
            QTRY_VERIFY_WITH_TIMEOUT(!second.error().isEmpty(), 10000);
            QVERIFY(second.passwordNeeded());
            second.unlock(QStringLiteral("password-kit"));
            QVERIFY(live(second));
            QVERIFY(!second.passwordNeeded());

            // Settings: the opt-in private file keeps the sign-in across restarts; the theme
            // is remembered too.
            second.setRememberInFile(true);
            QTRY_VERIFY_WITH_TIMEOUT(
                second.credentialStatus().contains(QStringLiteral("kept in a file")), 10000);
            second.setTheme(QStringLiteral("dark"));
            second.setNotifications(false);
        }
        Session third(m_server.url(), dir);
        QCOMPARE(third.theme(), QStringLiteral("dark"));
        QVERIFY(!third.notifications());
        QVERIFY(third.rememberInFile());
        third.restore();
        QVERIFY(third.signedIn());
        QVERIFY(live(third)); // no sign-in asked for
        QTRY_COMPARE_WITH_TIMEOUT(third.currentListName(), QStringLiteral("Chores"), 10000);
        // Turned off again: the file goes.
        third.setRememberInFile(false);
        QTRY_VERIFY_WITH_TIMEOUT(
            !third.credentialStatus().contains(QStringLiteral("kept in a file")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            QDir(dir + QStringLiteral("/credentials")).entryList(QDir::Files).isEmpty(), 10000);
    }
};

QTEST_MAIN(TestUiSession)
#include "tst_ui_session.moc"
