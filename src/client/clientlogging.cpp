#include "clientlogging.h"

Q_LOGGING_CATEGORY(lcClientStore, "kinlist.client.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "kinlist.sync", QtInfoMsg)
