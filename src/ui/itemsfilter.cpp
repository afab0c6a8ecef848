#include "itemsfilter.h"

#include "itemsmodel.h"

namespace kinlist::ui {

ItemsFilter::ItemsFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void ItemsFilter::setShowDone(bool show)
{
    if (show == m_showDone)
        return;
    m_showDone = show;
    invalidateRowsFilter();
    Q_EMIT showDoneChanged();
}

bool ItemsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return m_showDone ||
        !sourceModel()->index(sourceRow, 0, sourceParent).data(ItemsModel::DoneRole).toBool();
}

} // namespace kinlist::ui
