/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "ws-database-private.h"
#include "ws-demo.h"
#include "ws-enums.h"
#include "ws-measure.h"
#include "ws-plan-private.h"
#include "ws-profile.h"
#include "ws-store.h"
#include "ws-text.h"
#include "ws-schedule.h"
#include "ws-time.h"

/* The demonstration unit: a whole caseload made up in code, so that a new
 * officer, a tester or a screenshot sees every part of the program filled
 * in. One seeded generator drives everything, so a seed always gives the
 * same unit; dates are relative to ws_time_now(), so the unit always has
 * hearings coming up. Names are made-up combinations (many family names
 * literally mean "invented", "example" or "dream" in their language);
 * phone numbers use ranges set aside for fiction where one exists
 * (07700 900xxx, 555-01xx). Notes never contain identifying details. */

#define DAY (24 * 60 * 60)
#define BUFFER (15 * 60)   /* minutes kept free between two bookings */

/* ------------------------------------------------------------------ */
/* Names, places and languages                                         */

typedef struct {
  const char *native;
  const char *latin;   /* NULL when folding @native to ASCII is right */
} Name;

typedef struct {
  Name male;
  Name female;
} Family;

#define UNISEX(n, l) { { n, l }, { n, l } }

typedef enum {
  PLACE_VIENNA,
  PLACE_LONDON,
  PLACE_BRATISLAVA,
  PLACE_BUCHAREST,
  PLACE_KYIV,
  PLACE_AMMAN,
  PLACE_BANGKOK,
  PLACE_SYDNEY,
  PLACE_HO_CHI_MINH,
  PLACE_LAGOS,
  PLACE_NEW_YORK,
  N_PLACES
} PlaceId;

#define N_HOME_PLACES 2

/* Templates: '#' is a digit, '%' a digit other than 0, '@' a capital letter. */
typedef struct {
  const char *zone;
  const char *site;          /* the video room used there; NULL at home */
  const char *opens_at;
  const char *closes_at;
  int         working_days;  /* bit 0 is Monday … bit 6 Sunday */
  const char *accreditation; /* of interpreters living there */
  const char *addresses[3];
  const char *phones[2];
} Place;

static const Place places[N_PLACES] = {
  [PLACE_VIENNA] = { "Europe/Vienna", NULL, NULL, NULL, 0, "Court-certified interpreter",
    { "Erfundenegasse %#/%, 1100 Wien", "Traumgasse %#/%#, 1160 Wien", "Postfach %##, 1010 Wien" },
    { "+43 660 ### ####", "0664 #######" } },
  [PLACE_LONDON] = { "Europe/London", NULL, NULL, NULL, 0, "Registered public service interpreter",
    { "%# Fable Lane, London E% %ZZ", "Flat %, %# Storybook Road, London N% %XX", "PO Box %##, London SE1 %ZZ" },
    { "07700 900###", "+44 7700 900###" } },
  [PLACE_BRATISLAVA] = { "Europe/Bratislava", "Bratislava — Regional court video room",
    "08:00", "15:30", 31, "Sworn interpreter",
    { "Ulica Fantázie %#, 811 0% Bratislava", "Rozprávková %#, 821 0% Bratislava", NULL },
    { "+421 9## ### ###", "09## ### ###" } },
  [PLACE_BUCHAREST] = { "Europe/Bucharest", "Bucharest — Partner organisation video room",
    "08:00", "17:00", 31, "Authorised interpreter",
    { "Strada Închipuirii nr. %#, Sector %, București", "Bulevardul Exemplului %#, ap. %#, București", NULL },
    { "+40 7## ### ###", "07##.###.###" } },
  [PLACE_KYIV] = { "Europe/Kyiv", "Kyiv — Partner organisation video room",
    "09:00", "18:00", 31, "Certified interpreter",
    { "вул. Вигадана, %#, кв. %#, Київ", "просп. Прикладний, %#, Київ", NULL },
    { "+380 (67) ###-##-##", "+380 50 ### ## ##" } },
  [PLACE_AMMAN] = { "Asia/Amman", "Amman — Partner office video room",
    "08:00", "15:00", 79 /* Sunday to Thursday */, "Certified interpreter",
    { "%# Fable Street, Jabal Amman, Amman", "شارع المثال %#، عمّان", NULL },
    { "+962 7# ### ####", "07# ### ####" } },
  [PLACE_BANGKOK] = { "Asia/Bangkok", "Bangkok — Partner shelter video room",
    "08:30", "17:30", 31, "Certified court interpreter",
    { "%#/% Soi Sommut %#, Bang Kapi, Bangkok 10240", "%#/%# ซอยสมมุติ %, กรุงเทพฯ 10110", NULL },
    { "+66 8# ### ####", "08#-###-####" } },
  [PLACE_SYDNEY] = { "Australia/Sydney", "Sydney — Victim support centre video room",
    "07:00", "21:00", 31, "Certified interpreter",
    { "%# Fable Street, Parramatta NSW 2150", "Unit %, %# Storyteller Road, Cabramatta NSW 2166", NULL },
    { "+61 4## ### ###", "04## ### ###" } },
  [PLACE_HO_CHI_MINH] = { "Asia/Ho_Chi_Minh", "Ho Chi Minh City — Partner shelter video room",
    "08:00", "17:00", 63 /* Monday to Saturday */, "Certified interpreter",
    { "%# Đường Mộng Mơ, Phường %, Quận %, TP. Hồ Chí Minh", "%#/% Hẻm Giả Định, Quận Bình Thạnh, TP. Hồ Chí Minh", NULL },
    { "+84 9# ### ## ##", "09#.###.####" } },
  [PLACE_LAGOS] = { "Africa/Lagos", "Lagos — Partner office video room",
    "08:00", "16:00", 31, "Trained community interpreter",
    { "%# Fiction Close, Ikeja, Lagos", "%# Parable Crescent, Surulere, Lagos", NULL },
    { "+234 80# ### ####", "080# ### ####" } },
  [PLACE_NEW_YORK] = { "America/New_York", "New York — Consular video room",
    "08:00", "18:00", 31, "Court-certified interpreter",
    { "%## Legend Avenue, Apt %@, Queens, NY 1110%", "%# Fable Street, Brooklyn, NY 112%#", NULL },
    { "+1 (212) 555-01##", "212-555-01##" } },
};

/* The two court centres the unit works with; each has court rooms and
 * remote witness suites. */
static const struct {
  const char *court;
  const char *suite;
  const char *contact;
  const char *technical;
  const char *currency;
  const char *legal_basis;
  const char *working_language;
  const char *prosecutors[3];
} centres[N_HOME_PLACES] = {
  { "Danube Regional Criminal Court", "Eastside Remote Evidence Room", "Court registry, extension 100",
    "Video desk, extension 2417", "EUR", "Code of Criminal Procedure: protection of witnesses", "German",
    { "Dr. Clara Beispiel", "Mag. Felix Muster", "Mag. Irena Probe" } },
  { "Northgate Crown Court", "Northside Remote Evidence Centre", "Witness service desk, extension 30",
    "Audio-visual support, extension 118", "GBP", "Special measures for vulnerable and intimidated witnesses", "English",
    { "Ruth Example", "Daniel Sample", "Aisha Placeholder" } },
};

static const Name slovak_women[] = {
  { "Zuzana", NULL }, { "Ľubica", NULL }, { "Jarmila", NULL }, { "Dáša", NULL },
  { "Soňa", NULL }, { "Božena", NULL }, { "Terézia", NULL }, { "Miroslava", NULL },
};
static const Name slovak_men[] = {
  { "Ľubomír", NULL }, { "Dušan", NULL }, { "Štefan", NULL }, { "Rastislav", NULL },
  { "Tibor", NULL }, { "Matúš", NULL }, { "Ďurko", NULL },
};
static const Family slovak_families[] = {
  { { "Fikcij", NULL }, { "Fikcijová", NULL } },
  { { "Vymyslený", NULL }, { "Vymyslená", NULL } },
  { { "Príkladný", NULL }, { "Príkladná", NULL } },
  { { "Snový", NULL }, { "Snová", NULL } },
  { { "Vzorka", NULL }, { "Vzorková", NULL } },
  { { "Nejestvujúci", NULL }, { "Nejestvujúca", NULL } },
};

static const Name romanian_women[] = {
  { "Ioana", NULL }, { "Mădălina", NULL }, { "Ilinca", NULL }, { "Ștefania", NULL },
  { "Smaranda", NULL }, { "Brândușa", NULL }, { "Lăcrămioara", NULL }, { "Oana", NULL },
};
static const Name romanian_men[] = {
  { "Răzvan", NULL }, { "Ștefan", NULL }, { "Mircea", NULL }, { "Tudor", NULL },
  { "Cătălin", NULL }, { "Sorin", NULL }, { "Costică", NULL },
};
static const Family romanian_families[] = {
  UNISEX ("Închipuitu", NULL), UNISEX ("Fictescu", NULL), UNISEX ("Visătoru", NULL),
  UNISEX ("Plăsmuianu", NULL), UNISEX ("Exemplaru", NULL), UNISEX ("Nălucescu", NULL),
};

static const Name ukrainian_women[] = {
  { "Оксана", "Oksana" }, { "Ганна", "Hanna" }, { "Ірина", "Iryna" }, { "Мар'яна", "Mariana" },
  { "Олеся", "Olesia" }, { "Зоряна", "Zoriana" }, { "Христина", "Khrystyna" },
};
static const Name ukrainian_men[] = {
  { "Тарас", "Taras" }, { "Богдан", "Bohdan" }, { "Остап", "Ostap" }, { "Данило", "Danylo" },
  { "Ярослав", "Yaroslav" }, { "Назар", "Nazar" }, { "Микола", "Mykola" },
};
static const Family ukrainian_families[] = {
  UNISEX ("Вигадченко", "Vyhadchenko"), UNISEX ("Мрійчук", "Mriichuk"),
  UNISEX ("Прикладенко", "Prykladenko"), UNISEX ("Уявнюк", "Uiavniuk"),
  UNISEX ("Казкаренко", "Kazkarenko"), UNISEX ("Небувайло", "Nebuvailo"),
};

static const Name arabic_women[] = {
  { "سلمى", "Salma" }, { "ليلى", "Layla" }, { "نور", "Nour" }, { "ريم", "Reem" },
  { "هدى", "Huda" }, { "أمل", "Amal" }, { "سمر", "Samar" },
};
static const Name arabic_men[] = {
  { "يوسف", "Yousef" }, { "كريم", "Karim" }, { "سامي", "Sami" }, { "طارق", "Tariq" },
  { "عمر", "Omar" }, { "باسل", "Basel" }, { "فادي", "Fadi" },
};
static const Family arabic_families[] = {
  UNISEX ("الخيالي", "al-Khayali"), UNISEX ("المثالي", "al-Mithali"),
  UNISEX ("أبو الأحلام", "Abu al-Ahlam"), UNISEX ("الوهمي", "al-Wahmi"),
  UNISEX ("بن حكاية", "Bin Hikaya"), UNISEX ("الافتراضي", "al-Iftiradi"),
};

static const Name thai_women[] = {
  { "มาลี", "Malee" }, { "สมใจ", "Somjai" }, { "ดวงใจ", "Duangjai" }, { "พิมพ์", "Phim" },
  { "นภา", "Napha" }, { "อรุณี", "Arunee" }, { "บุษบา", "Butsaba" },
};
static const Name thai_men[] = {
  { "สมชาย", "Somchai" }, { "ประเสริฐ", "Prasert" }, { "วิชัย", "Wichai" }, { "อนันต์", "Anan" },
  { "ธนา", "Thana" }, { "เก่ง", "Keng" }, { "ชัยวัฒน์", "Chaiwat" },
};
static const Family thai_families[] = {
  UNISEX ("สมมุติวงศ์", "Sommutwong"), UNISEX ("ตัวอย่างดี", "Tuayangdee"),
  UNISEX ("ฝันดีกุล", "Fandeekul"), UNISEX ("นิยายสกุล", "Niyaisakul"),
  UNISEX ("จินตนาการ", "Chintanakan"), UNISEX ("เรื่องแต่ง", "Rueangtaeng"),
};

/* Vietnamese names are written family name first; the given part here
 * carries the middle name. */
static const Name vietnamese_women[] = {
  { "Thị Mơ", "Thi Mo" }, { "Thị Tưởng", "Thi Tuong" }, { "Ngọc Huyền", "Ngoc Huyen" },
  { "Thu Mộng", "Thu Mong" }, { "Thị Ảnh", "Thi Anh" }, { "Phương Thử", "Phuong Thu" },
};
static const Name vietnamese_men[] = {
  { "Văn Tưởng", "Van Tuong" }, { "Văn Thử", "Van Thu" }, { "Minh Mẫu", "Minh Mau" },
  { "Quang Ảo", "Quang Ao" }, { "Đức Mơ", "Duc Mo" }, { "Hữu Định", "Huu Dinh" },
};
static const Family vietnamese_families[] = {
  UNISEX ("Hư", "Hu"), UNISEX ("Giả", "Gia"), UNISEX ("Mộng", "Mong"),
  UNISEX ("Ảo", "Ao"), UNISEX ("Huyễn", "Huyen"),
};

static const Name yoruba_women[] = {
  { "Fúnmiláyọ̀", NULL }, { "Kẹ́mi", NULL }, { "Bọ́sẹ̀", NULL },
  { "Títílayọ̀", NULL }, { "Yẹ́túndé", NULL }, { "Àdùnní", NULL },
};
static const Name yoruba_men[] = {
  { "Túndé", NULL }, { "Ṣèyí", NULL }, { "Dàmílọ́lá", NULL },
  { "Bọ́lájí", NULL }, { "Kúnlé", NULL }, { "Ọlámidé", NULL },
};
static const Family yoruba_families[] = {
  UNISEX ("Àròsọ", NULL), UNISEX ("Àpẹẹrẹ", NULL), UNISEX ("Àlọ́lá", NULL),
  UNISEX ("Àlọ́dé", NULL), UNISEX ("Àláyọ̀ọ̀lá", NULL),
};

typedef enum {
  PROFILE_SLOVAK,
  PROFILE_ROMANIAN,
  PROFILE_UKRAINIAN,
  PROFILE_ARABIC,
  PROFILE_THAI,
  PROFILE_VIETNAMESE,
  PROFILE_YORUBA,
  N_PROFILES
} ProfileId;

typedef struct {
  const char   *language;
  const char   *dialects[6];       /* "" is no dialect; NULL ends */
  const char   *nationalities[6];  /* one for each dialect */
  const char   *second_language;
  const char   *extra_language;    /* also offered by its interpreters */
  const char   *document;
  gboolean      family_first;
  const Name   *women;
  guint         n_women;
  const Name   *men;
  guint         n_men;
  const Family *families;
  guint         n_families;
  int           abroad[3];         /* PlaceId; -1 ends */
  guint         weight;
} Profile;

#define NAMES(a) a, G_N_ELEMENTS (a)

static const Profile profiles[N_PROFILES] = {
  [PROFILE_SLOVAK] = { "Slovak", { "", "Eastern", NULL }, { "Slovak", "Slovak" }, "German", NULL,
    "Passport @@#######", FALSE, NAMES (slovak_women), NAMES (slovak_men), NAMES (slovak_families),
    { PLACE_BRATISLAVA, -1 }, 10 },
  [PROFILE_ROMANIAN] = { "Romanian", { "", "Moldovan", NULL }, { "Romanian", "Moldovan" }, "English", NULL,
    "Passport 0########", FALSE, NAMES (romanian_women), NAMES (romanian_men), NAMES (romanian_families),
    { PLACE_BUCHAREST, -1 }, 20 },
  [PROFILE_UKRAINIAN] = { "Ukrainian", { "", "Western", NULL }, { "Ukrainian", "Ukrainian" }, "Russian", "Russian",
    "Passport @@######", FALSE, NAMES (ukrainian_women), NAMES (ukrainian_men), NAMES (ukrainian_families),
    { PLACE_KYIV, PLACE_NEW_YORK, -1 }, 15 },
  [PROFILE_ARABIC] = { "Arabic", { "Levantine", "Egyptian", "Sudanese", "Iraqi", "Maghrebi", NULL },
    { "Syrian", "Egyptian", "Sudanese", "Iraqi", "Moroccan" }, "English", "French",
    "Travel document ########", FALSE, NAMES (arabic_women), NAMES (arabic_men), NAMES (arabic_families),
    { PLACE_AMMAN, -1 }, 15 },
  [PROFILE_THAI] = { "Thai", { "Central", "Isan", "Northern", NULL }, { "Thai", "Thai", "Thai" }, "English", NULL,
    "Passport @@#######", FALSE, NAMES (thai_women), NAMES (thai_men), NAMES (thai_families),
    { PLACE_BANGKOK, PLACE_SYDNEY, -1 }, 12 },
  [PROFILE_VIETNAMESE] = { "Vietnamese", { "Northern", "Central", "Southern", NULL },
    { "Vietnamese", "Vietnamese", "Vietnamese" }, "English", NULL,
    "Passport C#######", TRUE, NAMES (vietnamese_women), NAMES (vietnamese_men), NAMES (vietnamese_families),
    { PLACE_HO_CHI_MINH, PLACE_SYDNEY, -1 }, 15 },
  [PROFILE_YORUBA] = { "Yoruba", { "", "Ekiti", "Ijebu", NULL }, { "Nigerian", "Nigerian", "Nigerian" }, "English", NULL,
    "Passport A########", FALSE, NAMES (yoruba_women), NAMES (yoruba_men), NAMES (yoruba_families),
    { PLACE_LAGOS, PLACE_NEW_YORK, -1 }, 13 },
};

#define SIGN_LANGUAGE "Slovak Sign Language"
#define SIGN_LANGUAGE_HOME "Austrian Sign Language"

static const char * const pseudonym_words[] = {
  "Lark", "Willow", "Juniper", "Heron", "Aspen", "Birch", "Cedar", "Fern", "Finch", "Hazel",
  "Kestrel", "Linden", "Maple", "Moss", "Oriole", "Pebble", "Quill", "Robin", "Rowan", "Sage",
  "Sorrel", "Thistle", "Wren", "Yarrow", "Alder", "Bramble", "Clover", "Ember", "Falcon", "Garnet",
  "Harbour", "Iris", "Jasper", "Kite", "Lantern", "Meadow", "Nettle", "Opal", "Plover", "Quartz",
  "Reed", "Sparrow", "Tansy", "Umber", "Vale", "Wisteria", "Acorn", "Brook", "Comet", "Dawn",
  "Elm", "Flint", "Grove", "Heather", "Indigo", "Laurel", "Marigold", "Otter", "Pine", "Saffron",
  "Teal", "Tern", "Violet", "Yew", "Zephyr", "Swift", "Starling", "Larch", "Osprey", "Poplar",
};

/* The unit's own officers, as they appear in "owner" and "done by". */
static const char * const staff[] = {
  "Petra Muster", "Jonas Beispiel", "Lea Exemplar", "Samir Sample", "Ines Probe",
};

/* Kept apart from every other list of names, so that no interpreter,
 * officer or guardian shares a name with anyone else in the unit. */
static const char * const interpreter_surnames[] = {
  "Specimen", "Modello", "Esempio", "Ejemplo", "Przykład", "Voorbeeld", "Exempel",
  "Esimerkki", "Példa", "Primer", "Pavyzdys", "Näide", "Eksempel", "Paradigma",
};

static const char * const guardians[] = {
  "Mag. Anna Vormund, Guardianship Office",
  "Thomas Obhut, Guardianship Association",
  "Dr. Eva Fürsorge, Guardianship Office",
  "Lukas Geborgen, Guardianship Association",
};

static const char * const email_domains[] = {
  "example.org", "example.net", "example.com", "mail.example",
};

/* ------------------------------------------------------------------ */
/* The catalogue of needs, agencies and what the plan holds            */

typedef enum {
  AGENCY_NONE = -1,
  AGENCY_SHELTER,
  AGENCY_COUNSELLING,
  AGENCY_LEGAL,
  AGENCY_HEALTH,
  AGENCY_CHILD,
  AGENCY_RETURN,
  AGENCY_EDUCATION,
  AGENCY_EMPLOYMENT,
  AGENCY_LANGUAGE,
  AGENCY_MIGRATION,
  AGENCY_COMPENSATION,
  AGENCY_ABROAD,
  N_AGENCIES
} AgencyId;

static const struct {
  const char *name;
  const char *kind;
  const char *contact;
} agencies[N_AGENCIES] = {
  { "Lindenhof Shelter", "shelter", "intake@lindenhof.example.org" },
  { "Harbour Counselling Centre", "counselling", "appointments@harbour-counselling.example.org" },
  { "Open Door Legal Aid", "legal", "advice@opendoor.example.org" },
  { "Riverside Health Clinic", "health", "reception@riverside-clinic.example.org" },
  { "Child and Youth Services, District 10", "child-protection", "duty@youth-services.example.org" },
  { "Safe Return Partnership", "return", "return@safe-return.example.org" },
  { "New Start Education Project", "education", "courses@newstart.example.org" },
  { "Bridges Employment Service", "employment", "jobs@bridges.example.org" },
  { "Community Interpreting Pool", "language", "bookings@interpreting.example.org" },
  { "Migrant Rights Advice Centre", "migration", "advice@migrant-rights.example.org" },
  { "Victims' Compensation Office", "compensation", "claims@compensation.example.org" },
  { "Partner Shelter Network Abroad", "shelter-abroad", "liaison@partner-network.example.org" },
};

typedef enum {
  NEED_CORE = 1 << 0,      /* part of every plan that reaches the phase */
  NEED_CHILD = 1 << 1,     /* only for children */
  NEED_DEPENDANTS = 1 << 2,
  NEED_DURABLE = 1 << 3,   /* one durable solution is chosen */
  NEED_ECONOMIC = 1 << 4,
  NEED_CASE = 1 << 5,      /* only when the person is a party to a case */
} NeedFlags;

/* Which shipped needs (ws-schema-plans.sql seeds the catalogue) a plan
 * takes up, in which phase and from which agency. */
typedef struct {
  const char *code;
  WsPhase     phase;
  AgencyId    agency;
  NeedFlags   flags;
} Need;

static const Need needs[] = {
  { "basic.safety", WS_PHASE_INITIAL, AGENCY_NONE, NEED_CORE },
  { "basic.food-clothing", WS_PHASE_INITIAL, AGENCY_SHELTER, 0 },
  { "basic.accommodation", WS_PHASE_INITIAL, AGENCY_SHELTER, NEED_CORE },
  { "basic.shelter-security", WS_PHASE_INITIAL, AGENCY_SHELTER, 0 },
  { "health.urgent", WS_PHASE_INITIAL, AGENCY_HEALTH, 0 },
  { "health.ongoing", WS_PHASE_INVESTIGATION, AGENCY_HEALTH, 0 },
  { "health.dental", WS_PHASE_INVESTIGATION, AGENCY_HEALTH, 0 },
  { "health.sexual-reproductive", WS_PHASE_INVESTIGATION, AGENCY_HEALTH, 0 },
  { "health.counselling", WS_PHASE_INVESTIGATION, AGENCY_COUNSELLING, NEED_CORE },
  { "health.child-psychosocial", WS_PHASE_INITIAL, AGENCY_COUNSELLING, NEED_CHILD },
  { "information.rights", WS_PHASE_INITIAL, AGENCY_NONE, NEED_CORE },
  { "information.programme", WS_PHASE_INITIAL, AGENCY_NONE, 0 },
  { "information.proceedings", WS_PHASE_INVESTIGATION, AGENCY_NONE, NEED_CORE | NEED_CASE },
  { "information.belongings", WS_PHASE_INVESTIGATION, AGENCY_NONE, NEED_CASE },
  { "information.outcome", WS_PHASE_POST_TRIAL, AGENCY_NONE, NEED_CORE | NEED_CASE },
  { "information.consular", WS_PHASE_INITIAL, AGENCY_NONE, 0 },
  { "language.interpreter", WS_PHASE_INITIAL, AGENCY_LANGUAGE, NEED_CORE },
  { "language.translation", WS_PHASE_INVESTIGATION, AGENCY_LANGUAGE, 0 },
  { "language.classes", WS_PHASE_SUSTAINABLE, AGENCY_EDUCATION, 0 },
  { "legal.counsel", WS_PHASE_INVESTIGATION, AGENCY_LEGAL, NEED_CORE },
  { "legal.aid", WS_PHASE_INVESTIGATION, AGENCY_LEGAL, 0 },
  { "legal.complaints", WS_PHASE_POST_TRIAL, AGENCY_LEGAL, 0 },
  { "legal.reflection-visa", WS_PHASE_INITIAL, AGENCY_MIGRATION, 0 },
  { "legal.residence", WS_PHASE_POST_TRIAL, AGENCY_MIGRATION, 0 },
  { "legal.documents", WS_PHASE_INVESTIGATION, AGENCY_MIGRATION, 0 },
  { "legal.non-punishment", WS_PHASE_INVESTIGATION, AGENCY_LEGAL, 0 },
  { "legal.consular", WS_PHASE_INITIAL, AGENCY_NONE, 0 },
  { "legal.asylum", WS_PHASE_INITIAL, AGENCY_MIGRATION, 0 },
  { "justice.preparation", WS_PHASE_TRIAL, AGENCY_NONE, NEED_CORE | NEED_CASE },
  { "justice.familiarisation", WS_PHASE_INVESTIGATION, AGENCY_NONE, NEED_CASE },
  { "justice.accompaniment", WS_PHASE_TRIAL, AGENCY_NONE, NEED_CORE | NEED_CASE },
  { "justice.support-person", WS_PHASE_TRIAL, AGENCY_NONE, NEED_CASE },
  { "justice.impact-statement", WS_PHASE_POST_TRIAL, AGENCY_NONE, NEED_CASE },
  { "justice.allowances", WS_PHASE_TRIAL, AGENCY_NONE, NEED_CASE },
  { "justice.access", WS_PHASE_TRIAL, AGENCY_NONE, NEED_CASE | NEED_DEPENDANTS },
  { "family.contact", WS_PHASE_INITIAL, AGENCY_NONE, 0 },
  { "family.tracing", WS_PHASE_INVESTIGATION, AGENCY_ABROAD, 0 },
  { "family.reunion", WS_PHASE_SUSTAINABLE, AGENCY_MIGRATION, 0 },
  { "economic.education", WS_PHASE_SUSTAINABLE, AGENCY_EDUCATION, NEED_ECONOMIC },
  { "economic.training", WS_PHASE_SUSTAINABLE, AGENCY_EDUCATION, NEED_ECONOMIC },
  { "economic.job", WS_PHASE_SUSTAINABLE, AGENCY_EMPLOYMENT, NEED_ECONOMIC },
  { "economic.grant", WS_PHASE_SUSTAINABLE, AGENCY_NONE, NEED_ECONOMIC },
  { "economic.start-up", WS_PHASE_SUSTAINABLE, AGENCY_EMPLOYMENT, NEED_ECONOMIC },
  { "children.age-assessment", WS_PHASE_INITIAL, AGENCY_CHILD, NEED_CHILD | NEED_CORE },
  { "children.guardian", WS_PHASE_INITIAL, AGENCY_CHILD, NEED_CHILD | NEED_CORE },
  { "children.best-interests", WS_PHASE_INVESTIGATION, AGENCY_CHILD, NEED_CHILD | NEED_CORE },
  { "children.interim-care", WS_PHASE_INITIAL, AGENCY_CHILD, NEED_CHILD },
  { "children.child-care", WS_PHASE_INVESTIGATION, AGENCY_NONE, NEED_DEPENDANTS },
  { "durable.return", WS_PHASE_SUSTAINABLE, AGENCY_RETURN, NEED_DURABLE },
  { "durable.integration", WS_PHASE_SUSTAINABLE, AGENCY_NONE, NEED_DURABLE },
  { "durable.relocation", WS_PHASE_SUSTAINABLE, AGENCY_MIGRATION, NEED_DURABLE },
  { "compensation.criminal-order", WS_PHASE_POST_TRIAL, AGENCY_LEGAL, NEED_CASE },
  { "compensation.civil-or-labour", WS_PHASE_POST_TRIAL, AGENCY_LEGAL, 0 },
  { "compensation.state-scheme", WS_PHASE_POST_TRIAL, AGENCY_COMPENSATION, 0 },
};

/* ------------------------------------------------------------------ */
/* Kind words for notes. None of them names or locates anyone.         */

/* Each note fits people from one phase to another. */
static const struct {
  WsPhase     from;
  WsPhase     until;
  const char *text;
} person_notes[] = {
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Prefers appointments in the morning." },
  { WS_PHASE_INITIAL, WS_PHASE_POST_TRIAL, "Finds busy waiting rooms hard; meet at the side entrance where possible." },
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Asked for written information to take home as well as the oral explanation." },
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Would like the same support worker at each appointment." },
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Is studying for a language certificate and is proud of the progress." },
  { WS_PHASE_INITIAL, WS_PHASE_TRIAL, "Sleeps badly before interviews; keep them short and offer breaks." },
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Enjoys the cooking group at the shelter." },
  { WS_PHASE_INITIAL, WS_PHASE_INITIAL, "Has not decided yet whether to take part in the proceedings; the plan continues either way." },
  { WS_PHASE_INITIAL, WS_PHASE_TRIAL, "Was told what anonymity can and cannot protect, and had time to ask questions." },
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Takes medication at midday; plan breaks around it." },
  { WS_PHASE_INITIAL, WS_PHASE_TRIAL, "Would like to go home once the trial is over; start planning early." },
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Responds well to plain, step-by-step explanations." },
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Likes to bring a friend from the shelter to appointments." },
  { WS_PHASE_INITIAL, WS_PHASE_SUSTAINABLE, "Asked that letters are never sent to the shelter's public address." },
  { WS_PHASE_POST_TRIAL, WS_PHASE_POST_TRIAL, "Relieved the trial is over; wants to talk about what comes next." },
  { WS_PHASE_SUSTAINABLE, WS_PHASE_SUSTAINABLE, "Has started a training course and enjoys it." },
};

static const char * const case_notes[] = {
  "Joint investigation with a partner country; some witnesses may testify from abroad.",
  "The court has agreed to hear vulnerable witnesses first each day.",
  "The defence asked for the benefits ledger; it is up to date.",
  "Witnesses arrive through the side entrance; the accused are brought in separately.",
  "",
  "Several witnesses share a first language; book interpreters early.",
};

static const char * const hearing_notes[] = {
  "Witnesses arrive 30 minutes before the accused, through the side entrance.",
  "Interpreters are booked through the court.",
  "",
  "The court sits only in the morning on this day.",
  "Separate waiting room reserved for witnesses.",
};

static const char * const threats[] = {
  "No threats reported since the move to safe accommodation.",
  "Reported unwanted messages from acquaintances of the accused; the police were informed.",
  "Worried about family at home; the risk to relatives was discussed with the police.",
  "Saw a person linked to the accused near the shelter; shelter security was reviewed.",
  "The threat may rise after the verdict; an early review is planned.",
  "Feels safe at the current placement and knows whom to call.",
};

static const char * const notes_done[] = {
  "", "", "Went well; the witness was pleased with the help.", "Completed together with the witness.",
};
static const char * const notes_open[] = {
  "", "Reminder sent.", "Waiting for the agency to confirm an appointment.", "The witness chose the date.",
};

static const char * const cancel_reasons[] = {
  "The witness is unwell; the court agreed to a new date.",
  "The hearing was adjourned by the court.",
  "The test call failed because of a power cut at the remote site; a new session is being arranged.",
  "The witness asked for more time to prepare and the prosecution agreed.",
};

static const char * const support_people[] = {
  "Unit support worker",
  "Shelter key worker",
  "Independent support person from a partner organisation",
  "Child and youth worker",
};


/* ------------------------------------------------------------------ */
/* The generator's state                                               */

typedef enum {
  Q_AGENCY,
  Q_SITE,
  Q_CLOSURE,
  Q_HEARING,
  Q_VERDICT,
  Q_ACCUSED,
  Q_PARTY,
  Q_PHASE_CHANGE,
  Q_REFLECTION,
  Q_RISK,
  Q_INFORMATION,
  Q_CONSENT,
  Q_REFERRAL,
  Q_SUPPORT,
  Q_CHECKLIST,
  Q_CLEAR_TIMELINE,
  Q_BENEFIT,
  Q_COMPENSATION,
  Q_INTERPRETER,
  Q_INTERPRETER_LANGUAGE,
  Q_UNAVAILABILITY,
  Q_EXCLUSION,
  Q_SESSION,
  Q_SESSION_INTERPRETER,
  Q_SESSION_HISTORY,
  Q_MEASURE,
  Q_MEASURE_HISTORY,
  Q_SCREENING,
  N_QUERIES
} Query;

/* Each statement is prepared once and reused for every row. */
static const char * const queries[N_QUERIES] = {
  [Q_AGENCY] = "INSERT INTO agency (name, kind, contact) VALUES (?, ?, ?)",
  [Q_SITE] = "INSERT INTO site (name, kind, zone, opens_at, closes_at, working_days, contact, technical_contact)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  [Q_CLOSURE] = "INSERT INTO site_closure (site_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?)",
  [Q_HEARING] = "INSERT INTO hearing (case_id, site_id, kind, starts_at, ends_at, zone, notes) VALUES (?, ?, ?, ?, ?, ?, ?)",
  [Q_VERDICT] = "INSERT INTO verdict (case_id, given_on, outcome, sentence, sentence_months, release_on, appeal_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
  [Q_ACCUSED] = "SELECT id FROM accused WHERE case_id = ? ORDER BY position",
  [Q_PARTY] = "UPDATE case_party SET outcome_told_on = ?, impact_statement = ? WHERE case_id = ? AND person_id = ?",
  [Q_PHASE_CHANGE] = "INSERT INTO phase_change (person_id, phase, began_at, moved_by, note) VALUES (?, ?, ?, ?, ?)",
  [Q_REFLECTION] = "INSERT INTO reflection_period (person_id, starts_on, days, visa_status) VALUES (?, ?, ?, ?)",
  [Q_RISK] = "INSERT INTO risk_assessment (person_id, assessed_on, level, threats, assessed_by, next_review)"
             " VALUES (?, ?, ?, ?, ?, ?)",
  [Q_INFORMATION] = "INSERT INTO information_given (person_id, given_on, topic, language, mode, notes)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
  [Q_CONSENT] = "INSERT INTO consent (person_id, recipient, purpose, given_on, expires_on, withdrawn_on, notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
  [Q_REFERRAL] = "INSERT INTO referral (person_id, agency_id, purpose, referred_on, consent_id, override)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
  [Q_SUPPORT] = "INSERT INTO support_item (person_id, need_code, phase, offered_on, consent, agency_id, owner,"
                " due_on, status, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [Q_CHECKLIST] = "UPDATE checklist_item SET state = ?, done_on = ?, done_by = ?, reason = ?"
                  " WHERE person_id = ? AND track = ? AND code = ?",
  /* Saving a person starts their timeline "now"; the demonstration
   * replaces it with a history. */
  [Q_CLEAR_TIMELINE] = "DELETE FROM phase_change WHERE person_id = ?",
  [Q_BENEFIT] = "INSERT INTO benefit (person_id, given_on, kind, amount_minor, currency, reason, disclosable)"
                " VALUES (?, ?, ?, ?, ?, ?, 1)",
  [Q_COMPENSATION] = "INSERT INTO compensation_claim (person_id, case_id, head, route, claimed_minor, awarded_minor,"
                     " currency, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  [Q_INTERPRETER] = "INSERT INTO interpreter (name, gender, zone, contact) VALUES (?, ?, ?, ?)",
  [Q_INTERPRETER_LANGUAGE] = "INSERT OR IGNORE INTO interpreter_language (interpreter_id, language, dialect, modality,"
                             " accreditation) VALUES (?, ?, ?, ?, ?)",
  [Q_UNAVAILABILITY] = "INSERT INTO interpreter_unavailability (interpreter_id, starts_at, ends_at, reason)"
                       " VALUES (?, ?, ?, ?)",
  [Q_EXCLUSION] = "INSERT INTO interpreter_exclusion (interpreter_id, case_id, person_id, reason) VALUES (?, ?, ?, ?)",
  [Q_SESSION] = "INSERT INTO session (uid, sequence, hearing_id, person_id, court_site_id, remote_site_id, starts_at,"
                " ends_at, test_call_at, platform_ref, link_address, link_pin, technical_contact, support_person,"
                " status, cancel_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [Q_SESSION_INTERPRETER] = "INSERT OR IGNORE INTO session_interpreter (session_id, interpreter_id, language)"
                            " VALUES (?, ?, ?)",
  [Q_SESSION_HISTORY] = "INSERT INTO session_history (session_id, changed_at, changed_by, change) VALUES (?, ?, ?, ?)",
  [Q_MEASURE] = "INSERT INTO measure (case_id, person_id, hearing_id, type, status, requested_by, applied_on,"
                " decided_by, decided_on, legal_basis, refusal_reason, defence_position, booking_reference, notes,"
                " alternative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [Q_MEASURE_HISTORY] = "INSERT INTO measure_history (measure_id, status, changed_at, changed_by, note)"
                        " VALUES (?, ?, ?, ?, ?)",
  [Q_SCREENING] = "INSERT OR IGNORE INTO screening (person_id, case_id, accused_id) VALUES (?, ?, ?)",
};

typedef enum {
  SITE_COURT_ROOM,
  SITE_REMOTE_SUITE,
  SITE_ABROAD,
} SiteKind;

typedef struct {
  gint64    id;
  SiteKind  kind;
  PlaceId   place;
} SitePlan;

typedef struct {
  guint        person;
  WsPartyRole  role;
} Party;

typedef struct {
  gint64       id;
  WsCaseStage  stage;
  PlaceId      centre;
  int          opened;       /* days ago */
  int          verdict;      /* days from today, or G_MININT */
  guint        n_accused;
  gint64       accused[4];
  GArray      *parties;      /* Party */
  GArray      *hearings;     /* guint, into Demo.hearings */
} CasePlan;

typedef struct {
  gint64       id;
  guint        case_index;
  guint        site;
  const char  *kind;
  int          day;          /* days from today */
  gint64       starts;       /* Unix seconds */
  gint64       ends;
} HearingPlan;

typedef struct {
  gint64               id;
  ProfileId            profile;
  guint                dialect;
  WsGender             gender;
  gboolean             female_name;
  WsAgeStatus          age;
  WsPhase              phase;
  WsRiskLevel          risk;
  WsVulnerability      vulnerability;
  WsInterpreterGender  interpreter_gender;
  WsPersonStatus       status;
  int                  starts[WS_PHASE_SUSTAINABLE + 1];  /* days ago; -1 not reached */
  PlaceId              place;
  gboolean             deaf;
  gboolean             second_language;
  gboolean             forced;
  int                  case_index;  /* -1: not a party to any case */
  int                  other_case;
  WsPartyRole          role;
  gboolean             guardian;    /* a child with a guardian appointed */
  char                *pseudonym;
  char                *first_language;
} PersonPlan;

typedef struct {
  gint64     id;
  int        profile;      /* ProfileId, or -1 for sign language */
  WsGender   gender;
  int        excluded_case;
  int        excluded_person;
} InterpreterPlan;

typedef struct {
  gint64 starts;
  gint64 ends;
} Booking;

typedef struct {
  WsDatabase   *db;
  GCancellable *cancellable;
  GRand        *rand;
  guint32       seed;
  GError       *error;

  gint64        now;
  gint64        midnight;    /* today 00:00 UTC */
  GDate         today;
  guint         n_witnesses;

  sqlite3_stmt *stmts[N_QUERIES];
  gint64        last_id;
  gint64        agencies[N_AGENCIES];

  GHashTable   *zones;       /* zone name → GTimeZone */
  GHashTable   *bookings;    /* resource (gint64 *) → GArray of Booking */
  GHashTable   *video_refs;  /* case << 32 | person (gint64 *) → platform reference */
  GHashTable   *names;       /* interpreter names in use */
  GArray       *sites;       /* SitePlan */
  GArray       *cases;       /* CasePlan */
  GArray       *persons;     /* PersonPlan */
  GArray       *hearings;    /* HearingPlan */
  GArray       *interpreters;/* InterpreterPlan */
  guint         n_sessions;
  guint         n_ready_candidates;
} Demo;

typedef char Day[16];
typedef char Instant[24];

enum {
  RESOURCE_SITE = 1,
  RESOURCE_INTERPRETER,
  RESOURCE_PERSON,
};

#define RESOURCE(kind, index) (((gint64) (kind) << 40) | (gint64) (index))

static void
case_plan_clear (gpointer data)
{
  CasePlan *plan = data;

  g_clear_pointer (&plan->parties, g_array_unref);
  g_clear_pointer (&plan->hearings, g_array_unref);
}

static void
person_plan_clear (gpointer data)
{
  PersonPlan *plan = data;

  g_clear_pointer (&plan->pseudonym, g_free);
  g_clear_pointer (&plan->first_language, g_free);
}

static Demo *
demo_new (WsDatabase   *db,
          guint         n_witnesses,
          guint32       seed,
          GCancellable *cancellable)
{
  Demo *d = g_new0 (Demo, 1);
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDate) today = ws_time_today ();
  g_autoptr(GDateTime) midnight = NULL;

  d->db = db;
  d->cancellable = cancellable;
  d->rand = g_rand_new_with_seed (seed);
  d->seed = seed;
  d->n_witnesses = n_witnesses;
  d->now = g_date_time_to_unix (now);
  d->today = *today;
  midnight = g_date_time_new_utc (g_date_get_year (today), g_date_get_month (today), g_date_get_day (today), 0, 0, 0);
  d->midnight = g_date_time_to_unix (midnight);

  d->zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_time_zone_unref);
  d->bookings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  d->video_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  d->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->sites = g_array_new (FALSE, TRUE, sizeof (SitePlan));
  d->cases = g_array_new (FALSE, TRUE, sizeof (CasePlan));
  g_array_set_clear_func (d->cases, case_plan_clear);
  d->persons = g_array_sized_new (FALSE, TRUE, sizeof (PersonPlan), n_witnesses);
  g_array_set_clear_func (d->persons, person_plan_clear);
  d->hearings = g_array_new (FALSE, TRUE, sizeof (HearingPlan));
  d->interpreters = g_array_new (FALSE, TRUE, sizeof (InterpreterPlan));
  return d;
}

static void
demo_free (Demo *d)
{
  for (guint i = 0; i < N_QUERIES; i++)
    g_clear_pointer (&d->stmts[i], sqlite3_finalize);
  g_rand_free (d->rand);
  g_clear_error (&d->error);
  g_hash_table_unref (d->zones);
  g_hash_table_unref (d->bookings);
  g_hash_table_unref (d->video_refs);
  g_hash_table_unref (d->names);
  g_array_unref (d->sites);
  g_array_unref (d->cases);
  g_array_unref (d->persons);
  g_array_unref (d->hearings);
  g_array_unref (d->interpreters);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/* ------------------------------------------------------------------ */
/* Chance                                                              */

static guint
pick (Demo  *d,
      guint  n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (d->rand, 0, (gint32) n);
}

static int
between (Demo *d,
         int   lo,
         int   hi)
{
  g_assert (lo <= hi);
  return g_rand_int_range (d->rand, lo, hi + 1);
}

static gboolean
chance (Demo   *d,
        double  p)
{
  return g_rand_double (d->rand) < p;
}

#define PICK(d, array) ((array)[pick ((d), G_N_ELEMENTS (array))])

static guint
weighted (Demo        *d,
          const guint *weights,
          guint        n)
{
  guint total = 0;
  guint roll;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  roll = pick (d, total);
  for (guint i = 0; i < n; i++)
    {
      if (roll < weights[i])
        return i;
      roll -= weights[i];
    }
  return n - 1;
}

static guint *
shuffled (Demo  *d,
          guint  n)
{
  guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = pick (d, i + 1);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }
  return order;
}

/* '#' becomes a digit, '%' a digit other than 0, '@' a capital letter. */
static char *
fill_template (Demo       *d,
               const char *template)
{
  GString *out = g_string_sized_new (strlen (template) + 4);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (*p == '#')
        g_string_append_c (out, (char) ('0' + pick (d, 10)));
      else if (*p == '%')
        g_string_append_c (out, (char) ('1' + pick (d, 9)));
      else if (*p == '@')
        g_string_append_c (out, (char) ('A' + pick (d, 26)));
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Time                                                                */

static const char *
date_at (Demo *d,
         int   offset,
         Day   out)
{
  GDate date = d->today;

  if (offset > 0)
    g_date_add_days (&date, (guint) offset);
  else if (offset < 0)
    g_date_subtract_days (&date, (guint) -offset);
  g_snprintf (out, sizeof (Day), "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return out;
}

static const char *
instant_text (gint64   when,
              Instant  out)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);

  g_snprintf (out, sizeof (Instant), "%04d-%02d-%02dT%02d:%02d:%02dZ",
              g_date_time_get_year (utc), g_date_time_get_month (utc), g_date_time_get_day_of_month (utc),
              g_date_time_get_hour (utc), g_date_time_get_minute (utc), g_date_time_get_second (utc));
  return out;
}

/* An office-hours instant @days_ago days back, never later than now. */
static gint64
past_instant (Demo *d,
              int   days_ago)
{
  gint64 when = d->midnight - (gint64) days_ago * DAY + between (d, 8 * 60, 16 * 60) * 60;
  gint64 latest = d->now - between (d, 5, 120) * 60;

  return MIN (when, latest);
}

static GTimeZone *
zone_for (Demo       *d,
          const char *zone)
{
  GTimeZone *tz = g_hash_table_lookup (d->zones, zone);

  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (zone);
      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      g_hash_table_insert (d->zones, (gpointer) zone, tz);
    }
  return tz;
}

/* The instant at @minutes past local midnight in @zone, @offset days from today. */
static gint64
local_time (Demo       *d,
            const char *zone,
            int         offset,
            int         minutes)
{
  GDate date = d->today;
  g_autoptr(GDateTime) local = NULL;

  if (offset > 0)
    g_date_add_days (&date, (guint) offset);
  else if (offset < 0)
    g_date_subtract_days (&date, (guint) -offset);
  local = g_date_time_new (zone_for (d, zone), g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), minutes / 60, minutes % 60, 0);
  return g_date_time_to_unix (local);
}

static GDateWeekday
weekday_of (Demo *d,
            int   offset)
{
  GDate date = d->today;

  if (offset > 0)
    g_date_add_days (&date, (guint) offset);
  else if (offset < 0)
    g_date_subtract_days (&date, (guint) -offset);
  return g_date_get_weekday (&date);
}

/* @offset, or the Monday after it if it falls on a weekend. */
static int
weekday (Demo *d,
         int   offset)
{
  GDate date = d->today;

  if (offset > 0)
    g_date_add_days (&date, (guint) offset);
  else if (offset < 0)
    g_date_subtract_days (&date, (guint) -offset);
  while (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
    {
      g_date_add_days (&date, 1);
      offset++;
    }
  return offset;
}

/* ------------------------------------------------------------------ */
/* Bookings: nobody and nothing is in two places at once               */

static gboolean
is_free (Demo   *d,
         gint64  resource,
         gint64  starts,
         gint64  ends)
{
  GArray *slots = g_hash_table_lookup (d->bookings, &resource);

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      Booking *b = &g_array_index (slots, Booking, i);

      if (starts < b->ends + BUFFER && b->starts < ends + BUFFER)
        return FALSE;
    }
  return TRUE;
}

static void
book (Demo   *d,
      gint64  resource,
      gint64  starts,
      gint64  ends)
{
  GArray *slots = g_hash_table_lookup (d->bookings, &resource);
  Booking b = { starts, ends };

  if (slots == NULL)
    {
      slots = g_array_new (FALSE, FALSE, sizeof (Booking));
      g_hash_table_insert (d->bookings, g_memdup2 (&resource, sizeof resource), slots);
    }
  g_array_append_val (slots, b);
}

/* ------------------------------------------------------------------ */
/* SQL                                                                 */

static sqlite3_stmt *
statement (Demo  *d,
           Query  query)
{
  if (d->stmts[query] == NULL)
    d->stmts[query] = _ws_database_prepare (d->db, queries[query], &d->error);
  return d->stmts[query];
}

/* Binds the arguments by @types and runs the statement: 'I' a gint64,
 * 'J' a gint64 that is NULL when not positive, 'd' an int, 'm' an int
 * that is NULL when negative, 't' a text, 'o' a text that is NULL when
 * NULL or empty. The texts only need to live for this call. */
static gboolean
run (Demo       *d,
     Query       query,
     const char *types,
     ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  int rc;

  if (d->error != NULL || (stmt = statement (d, query)) == NULL)
    return FALSE;

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      gint64 number;
      const char *text;

      switch (types[i])
        {
        case 'I':
          sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;
        case 'J':
          number = va_arg (args, gint64);
          if (number > 0)
            sqlite3_bind_int64 (stmt, i + 1, number);
          else
            sqlite3_bind_null (stmt, i + 1);
          break;
        case 'd':
          sqlite3_bind_int (stmt, i + 1, va_arg (args, int));
          break;
        case 'm':
          number = va_arg (args, int);
          if (number >= 0)
            sqlite3_bind_int64 (stmt, i + 1, number);
          else
            sqlite3_bind_null (stmt, i + 1);
          break;
        case 't':
          text = va_arg (args, const char *);
          sqlite3_bind_text (stmt, i + 1, text != NULL ? text : "", -1, SQLITE_STATIC);
          break;
        case 'o':
          text = va_arg (args, const char *);
          if (text == NULL || *text == '\0')
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_STATIC);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    _ws_database_set_error (d->db, &d->error, _("Writing the demonstration unit"));
  else
    d->last_id = _ws_database_last_insert_id (d->db);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return d->error == NULL;
}

static const char *
nick (GType type,
      int   value)
{
  return ws_enum_to_nick (type, value);
}

/* ------------------------------------------------------------------ */
/* Catalogue, agencies and sites                                       */

static gboolean
write_catalogue (Demo *d)
{
  for (guint i = 0; i < N_AGENCIES; i++)
    {
      if (!run (d, Q_AGENCY, "ttt", agencies[i].name, agencies[i].kind, agencies[i].contact))
        return FALSE;
      d->agencies[i] = d->last_id;
    }
  return TRUE;
}

static gboolean
add_site (Demo       *d,
          const char *name,
          SiteKind    kind,
          PlaceId     place,
          const char *opens_at,
          const char *closes_at,
          int         working_days,
          const char *contact,
          const char *technical)
{
  static const char * const kinds[] = { "court-room", "remote-suite", "site-abroad" };
  SitePlan site = { 0, kind, place };

  if (!run (d, Q_SITE, "tttttdtt", name, kinds[kind], places[place].zone, opens_at, closes_at,
            working_days, contact, technical))
    return FALSE;
  site.id = d->last_id;
  g_array_append_val (d->sites, site);
  return TRUE;
}

/* Closures also count as bookings, so nothing is scheduled into them. */
static gboolean
add_closure (Demo       *d,
             guint       site,
             int         offset,
             int         days,
             const char *reason)
{
  SitePlan *plan = &g_array_index (d->sites, SitePlan, site);
  gint64 starts = local_time (d, places[plan->place].zone, offset, 0);
  gint64 ends = local_time (d, places[plan->place].zone, offset + days, 0);
  Instant a, b;

  book (d, RESOURCE (RESOURCE_SITE, site), starts, ends);
  return run (d, Q_CLOSURE, "Ittt", plan->id, instant_text (starts, a), instant_text (ends, b), reason);
}

static gboolean
write_sites (Demo *d)
{
  guint n = d->n_witnesses;
  guint rooms[N_HOME_PLACES] = { MAX (2, n / 300 + 1), MAX (1, n / 700 + 1) };
  guint suites[N_HOME_PLACES] = { MAX (1, n / 400 + 1), MAX (1, n / 900 + 1) };
  guint abroad = 1 + n / 4000;

  for (guint c = 0; c < N_HOME_PLACES; c++)
    {
      for (guint r = 0; r < rooms[c]; r++)
        {
          g_autofree char *name = g_strdup_printf ("%s, Courtroom %u", centres[c].court, r + 1);

          if (!add_site (d, name, SITE_COURT_ROOM, c, "08:30", "16:30", 31, centres[c].contact, centres[c].technical))
            return FALSE;
        }
      for (guint s = 0; s < suites[c]; s++)
        {
          g_autofree char *name = s == 0 ? g_strdup_printf ("%s, Witness Suite", centres[c].court)
                                         : g_strdup_printf ("%s %u", centres[c].suite, s);

          if (!add_site (d, name, SITE_REMOTE_SUITE, c, "08:00", "18:00", 31, centres[c].contact, centres[c].technical))
            return FALSE;
        }
    }
  for (guint p = N_HOME_PLACES; p < N_PLACES; p++)
    for (guint s = 0; s < abroad; s++)
      {
        g_autofree char *name = s == 0 ? g_strdup (places[p].site) : g_strdup_printf ("%s %u", places[p].site, s + 1);

        if (!add_site (d, name, SITE_ABROAD, p, places[p].opens_at, places[p].closes_at, places[p].working_days,
                       "Partner coordinator, through the unit's liaison desk", "Partner IT support, on request"))
          return FALSE;
      }
  return TRUE;
}

static int
find_site (Demo     *d,
           SiteKind  kind,
           PlaceId   place)
{
  for (guint i = 0; i < d->sites->len; i++)
    {
      SitePlan *s = &g_array_index (d->sites, SitePlan, i);

      if (s->kind == kind && s->place == place)
        return (int) i;
    }
  return -1;
}

static gboolean
write_closures (Demo *d)
{
  int suite = find_site (d, SITE_REMOTE_SUITE, PLACE_VIENNA);
  int bangkok = find_site (d, SITE_ABROAD, PLACE_BANGKOK);
  int room = find_site (d, SITE_COURT_ROOM, PLACE_LONDON);

  return add_closure (d, suite, weekday (d, between (d, 10, 14)), 2, "The video equipment is being replaced.") &&
         add_closure (d, bangkok, between (d, 15, 25), 1, "Local public holiday.") &&
         add_closure (d, room, -between (d, 20, 30), 3, "Closed after a water leak; hearings moved to other rooms.");
}

/* ------------------------------------------------------------------ */
/* Planning: cases and the people in them                              */

static const char * const offences[] = {
  "Forced labour",
  "Sexual exploitation",
  "Smuggling of migrants",
  "Money laundering",
  "Forgery of documents",
  "Coercion",
  "Deprivation of liberty",
  "Dangerous threats",
  "Bodily harm",
  "Exploitation of a foreign national",
  "Withholding of identity documents",
  "Membership of a criminal organisation",
};

static const guint stage_weights[] = { 20, 22, 20, 10, 8, 20 };

/* The first twelve cases follow a pattern so that even the smallest unit
 * has every stage, both court centres and every form of exploitation. */
static const WsCaseStage first_stages[] = {
  WS_CASE_STAGE_TRIAL, WS_CASE_STAGE_PRE_TRIAL, WS_CASE_STAGE_INVESTIGATION, WS_CASE_STAGE_VERDICT,
  WS_CASE_STAGE_APPEAL, WS_CASE_STAGE_CLOSED, WS_CASE_STAGE_TRIAL, WS_CASE_STAGE_PRE_TRIAL,
  WS_CASE_STAGE_TRIAL, WS_CASE_STAGE_INVESTIGATION, WS_CASE_STAGE_PRE_TRIAL, WS_CASE_STAGE_CLOSED,
};

static const int opened_range[][2] = {
  [WS_CASE_STAGE_INVESTIGATION] = { 20, 200 },
  [WS_CASE_STAGE_PRE_TRIAL] = { 150, 400 },
  [WS_CASE_STAGE_TRIAL] = { 250, 600 },
  [WS_CASE_STAGE_VERDICT] = { 350, 700 },
  [WS_CASE_STAGE_APPEAL] = { 450, 800 },
  [WS_CASE_STAGE_CLOSED] = { 600, 1100 },
};

static void
plan_cases (Demo *d)
{
  guint n_cases = MAX (1, (d->n_witnesses * 2 + 6) / 7);

  for (guint c = 0; c < n_cases; c++)
    {
      CasePlan plan = { 0 };

      plan.stage = c < G_N_ELEMENTS (first_stages) ? first_stages[c]
                                                   : (WsCaseStage) weighted (d, stage_weights, G_N_ELEMENTS (stage_weights));
      plan.centre = c < G_N_ELEMENTS (first_stages) ? (c % 3 == 1 ? PLACE_LONDON : PLACE_VIENNA)
                                                    : (chance (d, 0.3) ? PLACE_LONDON : PLACE_VIENNA);
      plan.opened = between (d, opened_range[plan.stage][0], opened_range[plan.stage][1]);
      plan.verdict = G_MININT;
      plan.n_accused = between (d, 1, 4);
      plan.parties = g_array_new (FALSE, FALSE, sizeof (Party));
      plan.hearings = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (d->cases, plan);
    }
}

static char *
make_pseudonym (const guint *order,
                guint        i)
{
  guint n = G_N_ELEMENTS (pseudonym_words);
  const char *word = pseudonym_words[order[i % n]];
  guint round = i / n;

  /* Past the list, variations keep every pseudonym unique whatever the size. */
  if (round == 0)
    return g_strdup (word);
  if (round == 1)
    return g_strdup_printf ("Witness %s", word);
  return g_strdup_printf ("%s %u", word, round);
}

static const guint profile_weights[N_PROFILES] = { 10, 20, 15, 15, 12, 15, 13 };
static const guint gender_weights[] = { 2, 58, 34, 3, 1, 2 };   /* by WsGender */
static const guint role_weights[] = { 80, 8, 12 };              /* by WsPartyRole */

static void
plan_people (Demo *d)
{
  guint n = d->n_witnesses;
  guint n_cases = d->cases->len;
  g_autofree guint *profile_order = shuffled (d, N_PROFILES);
  g_autofree guint *word_order = shuffled (d, G_N_ELEMENTS (pseudonym_words));

  for (guint i = 0; i < n; i++)
    {
      PersonPlan p = { 0 };

      p.pseudonym = make_pseudonym (word_order, i);
      p.profile = i < N_PROFILES ? profile_order[i] : weighted (d, profile_weights, N_PROFILES);
      p.gender = weighted (d, gender_weights, G_N_ELEMENTS (gender_weights));
      p.female_name = p.gender == WS_GENDER_FEMALE || (p.gender != WS_GENDER_MALE && chance (d, 0.5));
      p.age = i == 2 ? WS_AGE_STATUS_CHILD : i == 5 ? WS_AGE_STATUS_PRESUMED_CHILD
            : chance (d, 0.08) ? WS_AGE_STATUS_CHILD : chance (d, 0.07) ? WS_AGE_STATUS_PRESUMED_CHILD
            : WS_AGE_STATUS_ADULT;

      /* Every case gets a witness first; two people stay outside any case
       * because support does not depend on cooperation. */
      if (i < n_cases)
        p.case_index = (int) i;
      else if (i == n_cases || i == n_cases + 1)
        p.case_index = -1;
      else
        p.case_index = chance (d, 0.9) ? (int) pick (d, n_cases) : -1;
      p.other_case = -1;
      if (p.case_index >= 0 && n_cases > 1 && chance (d, 0.05))
        p.other_case = (p.case_index + 1 + (int) pick (d, n_cases - 1)) % (int) n_cases;
      p.role = p.case_index >= 0 ? weighted (d, role_weights, G_N_ELEMENTS (role_weights)) : WS_PARTY_ROLE_VICTIM_WITNESS;
      p.deaf = i == 7 || (p.profile == PROFILE_SLOVAK && chance (d, 0.08));
      if (p.deaf)
        {
          p.profile = PROFILE_SLOVAK;
          p.age = WS_AGE_STATUS_ADULT;
        }
      g_array_append_val (d->persons, p);
    }
}

static gboolean
stage_has_hearings_ahead (WsCaseStage stage)
{
  return stage == WS_CASE_STAGE_PRE_TRIAL || stage == WS_CASE_STAGE_TRIAL || stage == WS_CASE_STAGE_APPEAL;
}

/* So that the smallest unit shows witnesses abroad in these zones, give
 * some witnesses of cases with hearings ahead a home there. */
static void
place_some_abroad (Demo *d)
{
  static const struct { ProfileId profile; PlaceId place; } wanted[] = {
    { PROFILE_ROMANIAN, PLACE_BUCHAREST },
    { PROFILE_THAI, PLACE_BANGKOK },
    { PROFILE_YORUBA, PLACE_LAGOS },
    { PROFILE_VIETNAMESE, PLACE_HO_CHI_MINH },
  };
  guint next = 8;

  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    for (; next < d->persons->len; next++)
      {
        PersonPlan *p = &g_array_index (d->persons, PersonPlan, next);
        CasePlan *c = p->case_index >= 0 ? &g_array_index (d->cases, CasePlan, p->case_index) : NULL;

        if (c == NULL || !stage_has_hearings_ahead (c->stage) || p->deaf)
          continue;
        p->profile = wanted[w].profile;
        p->place = wanted[w].place;
        p->age = WS_AGE_STATUS_ADULT;
        p->role = WS_PARTY_ROLE_VICTIM_WITNESS;
        p->forced = TRUE;
        next++;
        break;
      }
}

static WsPhase
phase_for (Demo       *d,
           PersonPlan *p,
           guint       i)
{
  CasePlan *c;

  if (p->case_index < 0)
    {
      if (i == d->cases->len)
        return WS_PHASE_INITIAL;
      if (i == d->cases->len + 1)
        return WS_PHASE_SUSTAINABLE;
      return chance (d, 0.45) ? WS_PHASE_INITIAL : chance (d, 0.7) ? WS_PHASE_SUSTAINABLE : WS_PHASE_INVESTIGATION;
    }
  c = &g_array_index (d->cases, CasePlan, p->case_index);
  switch (c->stage)
    {
    case WS_CASE_STAGE_INVESTIGATION:
      return chance (d, 0.4) ? WS_PHASE_INITIAL : WS_PHASE_INVESTIGATION;
    case WS_CASE_STAGE_PRE_TRIAL:
      return WS_PHASE_INVESTIGATION;
    case WS_CASE_STAGE_TRIAL:
      return WS_PHASE_TRIAL;
    case WS_CASE_STAGE_VERDICT:
    case WS_CASE_STAGE_APPEAL:
      return WS_PHASE_POST_TRIAL;
    case WS_CASE_STAGE_CLOSED:
    default:
      return chance (d, 0.75) ? WS_PHASE_SUSTAINABLE : WS_PHASE_POST_TRIAL;
    }
}

/* Days ago each phase began: from first contact, evenly towards today. */
static void
plan_phases (Demo       *d,
             PersonPlan *p)
{
  CasePlan *c = p->case_index >= 0 ? &g_array_index (d->cases, CasePlan, p->case_index) : NULL;
  WsPhase passed[WS_PHASE_SUSTAINABLE + 1];
  guint m = 0;
  int first;

  for (guint k = 0; k <= WS_PHASE_SUSTAINABLE; k++)
    p->starts[k] = -1;

  if (p->phase == WS_PHASE_INITIAL)
    first = between (d, 3, 45);
  else if (c != NULL)
    first = c->opened + between (d, 0, 60);
  else
    first = p->phase == WS_PHASE_INVESTIGATION ? between (d, 30, 200) : between (d, 200, 900);

  if (c != NULL)
    for (guint k = WS_PHASE_INITIAL; k <= p->phase; k++)
      passed[m++] = k;
  else
    {
      passed[m++] = WS_PHASE_INITIAL;
      if (p->phase != WS_PHASE_INITIAL)
        passed[m++] = p->phase;
    }

  for (guint j = 0; j < m; j++)
    {
      int start = j == 0 ? first : first * (int) (m - j) / (int) m - between (d, 0, first / (int) (3 * m) + 1);

      p->starts[passed[j]] = MAX (start, j == 0 ? 0 : 1);
    }
}

static const guint risk_weights[] = { 0, 35, 45, 20 };   /* by WsRiskLevel */

static void
plan_person_details (Demo       *d,
                     PersonPlan *p,
                     guint       i)
{
  const Profile *profile = &profiles[p->profile];
  CasePlan *c = p->case_index >= 0 ? &g_array_index (d->cases, CasePlan, p->case_index) : NULL;
  guint n_dialects = g_strv_length ((char **) profile->dialects);
  WsVulnerability v = 0;

  p->dialect = pick (d, n_dialects);
  p->phase = phase_for (d, p, i);
  plan_phases (d, p);
  if (!p->forced)
    {
      double abroad = p->age != WS_AGE_STATUS_ADULT ? 0 : c != NULL && stage_has_hearings_ahead (c->stage) ? 0.15 : 0.06;
      int count = 0;

      while (profile->abroad[count] >= 0)
        count++;
      p->place = c != NULL ? c->centre : PLACE_VIENNA;
      if (chance (d, abroad))
        p->place = profile->abroad[pick (d, count)];
    }

  p->risk = p->phase == WS_PHASE_INITIAL && chance (d, 0.3) ? WS_RISK_LEVEL_UNKNOWN
          : (WsRiskLevel) weighted (d, risk_weights, G_N_ELEMENTS (risk_weights));
  if (chance (d, 0.45)) v |= WS_VULNERABILITY_TRAUMA;
  if (chance (d, 0.25) || p->risk == WS_RISK_LEVEL_HIGH) v |= WS_VULNERABILITY_INTIMIDATED;
  if (chance (d, 0.15)) v |= WS_VULNERABILITY_HEALTH;
  if (chance (d, 0.05) || p->deaf) v |= WS_VULNERABILITY_DISABILITY;
  if (p->gender == WS_GENDER_FEMALE && p->age == WS_AGE_STATUS_ADULT && chance (d, 0.05)) v |= WS_VULNERABILITY_PREGNANT;
  if (chance (d, 0.1)) v |= WS_VULNERABILITY_LITERACY;
  if (p->age == WS_AGE_STATUS_ADULT && chance (d, 0.2)) v |= WS_VULNERABILITY_DEPENDANTS;
  if (p->profile != PROFILE_SLOVAK && p->profile != PROFILE_ROMANIAN && chance (d, 0.35)) v |= WS_VULNERABILITY_IRREGULAR_STATUS;
  p->vulnerability = v;

  p->interpreter_gender = WS_INTERPRETER_GENDER_ANY;
  if (p->gender == WS_GENDER_FEMALE && chance (d, 0.3))
    p->interpreter_gender = WS_INTERPRETER_GENDER_FEMALE;
  else if (p->gender == WS_GENDER_MALE && chance (d, 0.15))
    p->interpreter_gender = WS_INTERPRETER_GENDER_MALE;
  p->status = p->phase == WS_PHASE_SUSTAINABLE && chance (d, 0.4) ? WS_PERSON_STATUS_CLOSED : WS_PERSON_STATUS_ACTIVE;
  /* A guardian is appointed soon after first contact; some newly
   * identified children are still waiting for one. */
  p->guardian = p->age != WS_AGE_STATUS_ADULT && !(p->phase == WS_PHASE_INITIAL && chance (d, 0.3));
  p->second_language = chance (d, 0.4) || p->deaf;
  p->first_language = p->deaf ? g_strdup (SIGN_LANGUAGE)
                              : ws_language_format (profile->language, profile->dialects[p->dialect]);
}

static void
plan_persons (Demo *d)
{
  plan_people (d);
  place_some_abroad (d);
  for (guint i = 0; i < d->persons->len; i++)
    {
      PersonPlan *p = &g_array_index (d->persons, PersonPlan, i);

      plan_person_details (d, p, i);
      if (p->case_index >= 0)
        {
          Party party = { i, p->role };

          g_array_append_val (g_array_index (d->cases, CasePlan, p->case_index).parties, party);
        }
      if (p->other_case >= 0)
        {
          Party party = { i, WS_PARTY_ROLE_WITNESS };

          g_array_append_val (g_array_index (d->cases, CasePlan, p->other_case).parties, party);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Cases, hearings and verdicts                                        */

static const struct {
  WsExploitation form;
  guint          weight;
} forms[] = {
  { WS_EXPLOITATION_SEXUAL, 30 }, { WS_EXPLOITATION_LABOUR, 30 }, { WS_EXPLOITATION_DOMESTIC_SERVITUDE, 12 },
  { WS_EXPLOITATION_FORCED_BEGGING, 8 }, { WS_EXPLOITATION_FORCED_CRIMINALITY, 10 },
  { WS_EXPLOITATION_FORCED_MARRIAGE, 6 }, { WS_EXPLOITATION_ORGAN_REMOVAL, 2 }, { WS_EXPLOITATION_OTHER, 2 },
};

static WsExploitation
pick_form (Demo *d)
{
  guint weights[G_N_ELEMENTS (forms)];

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    weights[i] = forms[i].weight;
  return forms[weighted (d, weights, G_N_ELEMENTS (forms))].form;
}

static char *
case_reference (Demo     *d,
                CasePlan *c,
                guint     index)
{
  Day opened;

  date_at (d, -c->opened, opened);
  /* The number carries the index, so references never repeat. */
  if (c->centre == PLACE_VIENNA)
    return g_strdup_printf ("%u Hv %u/%.2s", 10 + pick (d, 190), index + 1, opened + 2);
  return g_strdup_printf ("T%.4s%05u", opened, index + 1);
}

static WsCase *
make_case (Demo     *d,
           CasePlan *c,
           guint     index)
{
  WsCase *court_case = ws_case_new ();
  g_autofree char *reference = case_reference (d, c, index);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  const char *exploitation[3] = { NULL, NULL, NULL };
  Day opened;

  ws_case_set_reference (court_case, reference);
  ws_case_set_court (court_case, centres[c->centre].court);
  ws_case_set_prosecutor (court_case, PICK (d, centres[c->centre].prosecutors));
  ws_case_set_stage (court_case, c->stage);
  ws_case_set_opened_on (court_case, date_at (d, -c->opened, opened));
  ws_case_set_notes (court_case, PICK (d, case_notes));

  if (chance (d, 0.75))
    g_ptr_array_add (list, g_strdup ("Trafficking in human beings"));
  while (list->len < 3 && (list->len == 0 || chance (d, 0.5)))
    {
      const char *offence = PICK (d, offences);

      if (!g_ptr_array_find_with_equal_func (list, offence, g_str_equal, NULL))
        g_ptr_array_add (list, g_strdup (offence));
    }
  g_ptr_array_add (list, NULL);
  ws_case_set_offences (court_case, (const char * const *) list->pdata);

  exploitation[0] = nick (WS_TYPE_EXPLOITATION, index < G_N_ELEMENTS (forms) ? forms[index].form : pick_form (d));
  if (chance (d, 0.35))
    exploitation[1] = nick (WS_TYPE_EXPLOITATION, pick_form (d));
  if (g_strcmp0 (exploitation[0], exploitation[1]) == 0)
    exploitation[1] = NULL;
  ws_case_set_exploitation (court_case, exploitation);

  g_ptr_array_set_size (list, 0);
  for (guint a = 0; a < c->n_accused; a++)
    g_ptr_array_add (list, g_strdup_printf ("Accused %u", a + 1));
  g_ptr_array_add (list, NULL);
  ws_case_set_accused (court_case, (const char * const *) list->pdata);
  return court_case;
}

static gboolean
read_accused (Demo     *d,
              CasePlan *c)
{
  sqlite3_stmt *stmt = statement (d, Q_ACCUSED);
  guint n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while (sqlite3_step (stmt) == SQLITE_ROW && n < G_N_ELEMENTS (c->accused))
    c->accused[n++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  c->n_accused = n;
  return TRUE;
}

typedef struct {
  const char *kind;
  int         lo;
  int         hi;
  double      p;
} HearingRule;

/* Which hearings a case at each stage has had and has ahead, in days from today. */
static const HearingRule hearing_rules[][3] = {
  [WS_CASE_STAGE_INVESTIGATION] = { { "other", 5, 40, 0.35 } },
  [WS_CASE_STAGE_PRE_TRIAL] = { { "preliminary", -40, -10, 0.5 }, { "preliminary", 7, 35, 1.0 } },
  [WS_CASE_STAGE_TRIAL] = { { "trial", -20, -3, 1.0 }, { "trial", 3, 20, 1.0 }, { "trial", 21, 45, 0.6 } },
  [WS_CASE_STAGE_VERDICT] = { { "trial", -80, -40, 1.0 }, { "sentencing", -30, -5, 1.0 } },
  [WS_CASE_STAGE_APPEAL] = { { "trial", -200, -120, 1.0 }, { "sentencing", -110, -80, 1.0 }, { "appeal", 10, 50, 1.0 } },
  [WS_CASE_STAGE_CLOSED] = { { "trial", -400, -250, 1.0 }, { "sentencing", -240, -200, 1.0 } },
};

/* Witnesses far east testify best in the court's morning, those in the
 * Americas in its afternoon. */
static int
preferred_half (Demo     *d,
                CasePlan *c)
{
  for (guint i = 0; i < c->parties->len; i++)
    {
      PersonPlan *p = &g_array_index (d->persons, PersonPlan, g_array_index (c->parties, Party, i).person);

      if (p->place == PLACE_NEW_YORK)
        return 1;
      if (p->place >= PLACE_AMMAN && p->place <= PLACE_HO_CHI_MINH)
        return 0;
    }
  return (int) pick (d, 2);
}

static gboolean
add_hearing (Demo              *d,
             guint              case_index,
             const HearingRule *rule)
{
  CasePlan *c = &g_array_index (d->cases, CasePlan, case_index);
  const char *zone = places[c->centre].zone;
  int half = preferred_half (d, c);
  int day = weekday (d, between (d, rule->lo, rule->hi));
  HearingPlan h = { 0, case_index, 0, rule->kind, 0, 0, 0 };
  guint first = pick (d, d->sites->len);
  guint hearing_index = d->hearings->len;
  Instant a, b;

  /* Look for a free court room of the centre, moving on a day at a time. */
  for (int tries = 0; tries < 20 && h.starts == 0; tries++, day = weekday (d, day + 1))
    {
      gint64 starts = local_time (d, zone, day, half == 0 ? 9 * 60 : 13 * 60 + 30);
      gint64 ends = starts + (half == 0 ? 4 * 60 : 3 * 60) * 60;

      for (guint k = 0; k < d->sites->len; k++)
        {
          guint s = (first + k) % d->sites->len;
          SitePlan *site = &g_array_index (d->sites, SitePlan, s);

          if (site->kind != SITE_COURT_ROOM || site->place != c->centre ||
              (tries < 19 && !is_free (d, RESOURCE (RESOURCE_SITE, s), starts, ends)))
            continue;
          h.site = s;
          h.day = day;
          h.starts = starts;
          h.ends = ends;
          break;
        }
    }
  book (d, RESOURCE (RESOURCE_SITE, h.site), h.starts, h.ends);
  if (!run (d, Q_HEARING, "IIttttt", c->id, g_array_index (d->sites, SitePlan, h.site).id, h.kind,
            instant_text (h.starts, a), instant_text (h.ends, b), zone, PICK (d, hearing_notes)))
    return FALSE;
  h.id = d->last_id;
  g_array_append_val (d->hearings, h);
  g_array_append_val (c->hearings, hearing_index);
  if (g_str_equal (rule->kind, "sentencing"))
    c->verdict = h.day;
  return TRUE;
}

static gboolean
write_verdict (Demo     *d,
               CasePlan *c)
{
  static const char * const outcomes[] = {
    "Convicted on all counts.",
    "Convicted on the main count; acquitted of one further count.",
    "Convicted on all counts; the court ordered compensation to the victims.",
  };
  int months = between (d, 18, 96);
  g_autofree char *sentence = months % 12 == 0 ? g_strdup_printf ("%d years' imprisonment", months / 12)
                            : g_strdup_printf ("%d year%s and %d month%s' imprisonment", months / 12,
                                               months / 12 == 1 ? "" : "s", months % 12, months % 12 == 1 ? "" : "s");
  gboolean acquitted = c->stage == WS_CASE_STAGE_CLOSED && chance (d, 0.1);
  Day given, release, appeal;

  date_at (d, c->verdict, given);
  date_at (d, c->verdict + months * 30 - between (d, 60, 200), release);
  date_at (d, c->verdict + 14, appeal);
  if (acquitted)
    return run (d, Q_VERDICT, "Itttmoo", c->id, given, "Acquitted on all counts.", "", -1, NULL, appeal);
  return run (d, Q_VERDICT, "Itttmoo", c->id, given, PICK (d, outcomes), sentence, months, release, appeal);
}

static gboolean
save_cases (Demo *d)
{
  for (guint i = 0; i < d->cases->len; i++)
    {
      CasePlan *c = &g_array_index (d->cases, CasePlan, i);
      g_autoptr(WsCase) court_case = make_case (d, c, i);

      if (!ws_database_save_case (d->db, court_case, &d->error))
        return FALSE;
      c->id = ws_case_get_id (court_case);
      if (!read_accused (d, c))
        return FALSE;
      for (guint r = 0; r < G_N_ELEMENTS (hearing_rules[c->stage]) && hearing_rules[c->stage][r].kind != NULL; r++)
        if (chance (d, hearing_rules[c->stage][r].p) && !add_hearing (d, i, &hearing_rules[c->stage][r]))
          return FALSE;
      if (c->verdict != G_MININT && !write_verdict (d, c))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Persons and their identity                                          */

static const Name *
given_name (Demo          *d,
            const Profile *profile,
            gboolean       female)
{
  return female ? &profile->women[pick (d, profile->n_women)] : &profile->men[pick (d, profile->n_men)];
}

static const Name *
family_name (const Family *family,
             gboolean      female)
{
  return female ? &family->female : &family->male;
}

static char *
latin_of (const Name *name)
{
  return name->latin != NULL ? g_strdup (name->latin) : g_str_to_ascii (name->native, "C");
}

static char *
join_name (const Profile *profile,
           const char    *given,
           const char    *family)
{
  return profile->family_first ? g_strdup_printf ("%s %s", family, given)
                               : g_strdup_printf ("%s %s", given, family);
}

static char *
email_for (Demo       *d,
           const char *given,
           const char *family)
{
  g_autofree char *joined = g_strdup_printf ("%s.%s", given, family);
  g_autofree char *raw = g_str_to_ascii (joined, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    {
      char ch = g_ascii_tolower (*p);

      if (g_ascii_isalnum (ch))
        g_string_append_c (out, ch);
      else if (strchr (". -", ch) != NULL && out->len > 0 && out->str[out->len - 1] != '.')
        g_string_append_c (out, '.');
    }
  if (chance (d, 0.5))
    g_string_append_printf (out, "%02u", pick (d, 100));
  g_string_append_printf (out, "@%s", PICK (d, email_domains));
  return g_string_free (out, FALSE);
}

static void
birth_date (Demo       *d,
            PersonPlan *p,
            Day         out)
{
  GDate date = d->today;

  /* Born a whole number of years plus under a year ago, so a child's age
   * stays under 18 today. */
  g_date_subtract_years (&date, p->age == WS_AGE_STATUS_ADULT ? between (d, 19, 58) : between (d, 14, 17));
  g_date_subtract_days (&date, between (d, 1, 360));
  /* Some children in cases still to be tried come of age shortly before
   * their trial, which changes the measures open to them. */
  if (p->age != WS_AGE_STATUS_ADULT && p->case_index >= 0 && chance (d, 0.5))
    {
      CasePlan *c = &g_array_index (d->cases, CasePlan, p->case_index);

      for (guint i = 0; i < c->hearings->len; i++)
        {
          HearingPlan *h = &g_array_index (d->hearings, HearingPlan, g_array_index (c->hearings, guint, i));

          if (g_str_equal (h->kind, "trial") && h->day > 1)
            {
              date = d->today;
              g_date_add_days (&date, between (d, 1, h->day - 1));
              g_date_subtract_years (&date, 18);
              break;
            }
        }
    }
  g_snprintf (out, sizeof (Day), "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

static const struct {
  const char *relation;
  int         female;       /* -1: either */
  gboolean    same_family;
  gboolean    adults_only;
} relations[] = {
  { "Mother", 1, TRUE, FALSE }, { "Father", 0, TRUE, FALSE }, { "Sister", 1, TRUE, FALSE },
  { "Brother", 0, TRUE, FALSE }, { "Son", 0, TRUE, TRUE }, { "Daughter", 1, TRUE, TRUE },
  { "Partner", -1, FALSE, TRUE }, { "Aunt", 1, FALSE, FALSE }, { "Cousin", -1, FALSE, FALSE },
};

/* One to three relatives, each relation once, no two sharing a given name
 * with each other or with the witness. */
static char **
make_relatives (Demo          *d,
                PersonPlan    *p,
                const Profile *profile,
                const Family  *family,
                const Name    *own)
{
  GPtrArray *list = g_ptr_array_new ();
  g_autoptr(GPtrArray) given_used = g_ptr_array_new ();
  guint count = between (d, 1, 3);
  gboolean child = p->age != WS_AGE_STATUS_ADULT;
  guint relations_used = 0;

  g_ptr_array_add (given_used, (gpointer) own);
  for (guint tries = 0; list->len < count && tries < 30; tries++)
    {
      guint r = child && list->len == 0 ? pick (d, 2) : pick (d, G_N_ELEMENTS (relations));
      gboolean female = relations[r].female < 0 ? chance (d, 0.5) : relations[r].female == 1;
      const Family *theirs = relations[r].same_family ? family : &profile->families[pick (d, profile->n_families)];
      const Name *given = given_name (d, profile, female);
      g_autofree char *name = NULL;

      if ((child && relations[r].adults_only) || (relations_used & (1u << r)) ||
          g_ptr_array_find (given_used, given, NULL))
        continue;
      relations_used |= 1u << r;
      g_ptr_array_add (given_used, (gpointer) given);
      name = join_name (profile, given->native, family_name (theirs, female)->native);
      g_ptr_array_add (list, g_strdup_printf ("%s: %s", relations[r].relation, name));
    }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

static void
set_list (WsIdentity     *identity,
          WsIdentityList  field,
          GPtrArray      *items)
{
  g_ptr_array_add (items, NULL);
  ws_identity_set_list (identity, field, (const char * const *) items->pdata);
  g_ptr_array_set_size (items, 0);
}

/* Profiles whose names are written in Latin script leave the Latin form
 * of each name to ASCII folding. */
static gboolean
writes_latin (const Profile *profile)
{
  return profile->women[0].latin == NULL;
}

/* A transliteration into the second script, and sometimes an earlier
 * family name. */
static void
add_aliases (Demo          *d,
             WsIdentity    *identity,
             PersonPlan    *p,
             const char    *legal,
             const char    *latin,
             const Name    *given)
{
  const Profile *profile = &profiles[p->profile];
  const Family *earlier = &profile->families[pick (d, profile->n_families)];
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = join_name (profile, given->native, family_name (earlier, p->female_name)->native);

  if (!g_str_equal (latin, legal) && (!writes_latin (profile) || chance (d, 0.6)))
    g_ptr_array_add (items, g_strdup (latin));
  if (chance (d, 0.2) && !g_str_equal (before, legal))
    g_ptr_array_add (items, g_steal_pointer (&before));
  set_list (identity, WS_IDENTITY_ALIASES, items);
}

/* Where the person lives, and sometimes where they come from. */
static void
add_contacts (Demo       *d,
              WsIdentity *identity,
              PersonPlan *p,
              char       *email)
{
  const Place *place = &places[p->place];
  const Place *origin = &places[profiles[p->profile].abroad[0]];
  gboolean at_home = p->place < N_HOME_PLACES;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (items, fill_template (d, place->addresses[place->addresses[2] != NULL ? pick (d, 3) : pick (d, 2)]));
  if (at_home && chance (d, 0.3))
    g_ptr_array_add (items, fill_template (d, origin->addresses[pick (d, 2)]));
  set_list (identity, WS_IDENTITY_ADDRESSES, items);

  g_ptr_array_add (items, fill_template (d, PICK (d, place->phones)));
  if (chance (d, 0.35))
    g_ptr_array_add (items, fill_template (d, PICK (d, (at_home ? origin : place)->phones)));
  set_list (identity, WS_IDENTITY_PHONES, items);

  g_ptr_array_add (items, email);
  set_list (identity, WS_IDENTITY_EMAILS, items);

  g_ptr_array_add (items, fill_template (d, profiles[p->profile].document));
  if (at_home && chance (d, 0.4))
    g_ptr_array_add (items, fill_template (d, p->place == PLACE_VIENNA ? "Residence card ########"
                                                                      : "Biometric residence permit @@#######"));
  set_list (identity, WS_IDENTITY_DOCUMENTS, items);
}

static WsIdentity *
make_identity (Demo       *d,
               PersonPlan *p)
{
  const Profile *profile = &profiles[p->profile];
  const Family *family = &profile->families[pick (d, profile->n_families)];
  const Name *given = given_name (d, profile, p->female_name);
  const Name *surname = family_name (family, p->female_name);
  g_autoptr(WsIdentity) identity = ws_identity_new ();
  g_autofree char *legal = join_name (profile, given->native, surname->native);
  g_autofree char *latin_given = latin_of (given);
  g_autofree char *latin_family = latin_of (surname);
  g_autofree char *latin = join_name (profile, latin_given, latin_family);
  g_auto(GStrv) relatives = make_relatives (d, p, profile, family, given);
  Day born;

  birth_date (d, p, born);
  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, legal);
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, born);
  ws_identity_set_text (identity, WS_IDENTITY_NATIONALITY, profile->nationalities[p->dialect]);
  if (p->guardian)
    ws_identity_set_text (identity, WS_IDENTITY_GUARDIAN, PICK (d, guardians));
  add_aliases (d, identity, p, legal, latin, given);
  add_contacts (d, identity, p, profile->family_first ? email_for (d, latin_family, latin_given)
                                                      : email_for (d, latin_given, latin_family));
  ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, (const char * const *) relatives);
  return g_steal_pointer (&identity);
}

static char *
person_notes_for (Demo       *d,
                  PersonPlan *p)
{
  GString *notes = g_string_new (NULL);
  guint count = pick (d, 3);

  for (guint i = 0; i < count; i++)
    {
      guint n = pick (d, G_N_ELEMENTS (person_notes));
      const char *note = person_notes[n].text;
      gboolean fits = p->phase >= person_notes[n].from && p->phase <= person_notes[n].until;

      if (fits && strstr (notes->str, note) == NULL)
        g_string_append_printf (notes, "%s%s", notes->len > 0 ? " " : "", note);
    }
  if (p->interpreter_gender != WS_INTERPRETER_GENDER_ANY)
    g_string_append_printf (notes, "%sAsked for an interpreter of the same gender.", notes->len > 0 ? " " : "");
  if (p->deaf)
    g_string_append_printf (notes, "%sUses sign language; book a sign-language interpreter for every meeting.",
                            notes->len > 0 ? " " : "");
  return g_string_free (notes, FALSE);
}

static WsPerson *
make_person (Demo       *d,
             PersonPlan *p)
{
  const Profile *profile = &profiles[p->profile];
  WsPerson *person = ws_person_new ();
  g_autofree char *notes = person_notes_for (d, p);
  const char *languages[3] = { p->first_language, NULL, NULL };
  int assessed_ago = p->starts[0] - between (d, 3, 30);
  Day first, assessed;

  if (p->second_language)
    languages[1] = p->deaf ? profile->language : profile->second_language;
  ws_person_set_pseudonym (person, p->pseudonym);
  ws_person_set_gender (person, p->gender);
  ws_person_set_gender_in_summary (person, chance (d, 0.3));
  ws_person_set_interpreter_gender (person, p->interpreter_gender);
  ws_person_set_vulnerability (person, p->vulnerability);
  ws_person_set_age_status (person, p->age);
  if (p->age == WS_AGE_STATUS_CHILD)
    ws_person_set_age_assessed_on (person, date_at (d, -MAX (0, assessed_ago), assessed));
  ws_person_set_risk_level (person, p->risk);
  ws_person_set_phase (person, p->phase);
  ws_person_set_status (person, p->status);
  ws_person_set_first_contact_on (person, date_at (d, -p->starts[0], first));
  ws_person_set_zone (person, places[p->place].zone);
  ws_person_set_notes (person, notes);
  ws_person_set_languages (person, languages);
  return person;
}

static char *
party_label (guint n)
{
  char letters[8] = { 0 };
  int len = 0;

  for (guint v = n + 1; v > 0 && len < 7; v = (v - 1) / 26)
    letters[len++] = (char) ('A' + (v - 1) % 26);
  g_strreverse (letters);
  return g_strdup_printf ("Witness %s", letters);
}

static gboolean
link_parties (Demo *d)
{
  static const char * const statements[] = { "offered", "declined", "made", "made", "not-offered" };

  for (guint i = 0; i < d->cases->len; i++)
    {
      CasePlan *c = &g_array_index (d->cases, CasePlan, i);

      for (guint j = 0; j < c->parties->len; j++)
        {
          Party *party = &g_array_index (c->parties, Party, j);
          PersonPlan *p = &g_array_index (d->persons, PersonPlan, party->person);
          g_autofree char *label = party_label (j);
          int told_on = c->verdict == G_MININT ? 0 : c->verdict + between (d, 0, 3);
          gboolean was_told = chance (d, 0.9);
          const char *statement = PICK (d, statements);
          Day told;

          if (!ws_database_link_party (d->db, c->id, p->id, party->role, label, &d->error))
            return FALSE;
          if (c->verdict == G_MININT)
            continue;
          /* Most were told the outcome within days; a few still need to be. */
          if (!run (d, Q_PARTY, "otII", was_told ? date_at (d, MIN (0, told_on), told) : NULL, statement, c->id, p->id))
            return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The support plan                                                    */

/* Days ago the phase began and ended (0 while it lasts), or FALSE if the
 * person never reached it. */
static gboolean
phase_window (PersonPlan *p,
              WsPhase     phase,
              int        *from,
              int        *to)
{
  if (p->starts[phase] < 0)
    return FALSE;
  *from = p->starts[phase];
  *to = 0;
  for (guint k = phase + 1; k <= WS_PHASE_SUSTAINABLE; k++)
    if (p->starts[k] >= 0)
      {
        *to = MIN (p->starts[k], *from);
        break;
      }
  return TRUE;
}

static int
day_in_phase (Demo       *d,
              PersonPlan *p,
              WsPhase     phase)
{
  int from = 0, to = 0;

  if (!phase_window (p, phase, &from, &to))
    return 0;
  return between (d, to, from);
}

static gboolean
write_phase_changes (Demo       *d,
                     PersonPlan *p)
{
  static const char * const first_notes[] = {
    "First contact after a referral from the labour inspectorate.",
    "First contact through the police.",
    "First contact through an outreach worker.",
    "First contact after the witness called the helpline.",
  };
  static const char * const notes[] = {
    [WS_PHASE_INVESTIGATION] = "Decided to take part in the proceedings.",
    [WS_PHASE_TRIAL] = "The trial began.",
    [WS_PHASE_POST_TRIAL] = "Verdict given; plan reviewed with the witness.",
    [WS_PHASE_SUSTAINABLE] = "Plan revised for the long term together with the witness.",
  };

  if (!run (d, Q_CLEAR_TIMELINE, "I", p->id))
    return FALSE;
  for (guint k = 0; k <= WS_PHASE_SUSTAINABLE; k++)
    {
      gint64 began;
      const char *by;
      const char *note;
      Instant at;

      if (p->starts[k] < 0)
        continue;
      began = past_instant (d, p->starts[k]);
      by = PICK (d, staff);
      note = k == WS_PHASE_INITIAL ? PICK (d, first_notes) : notes[k];
      if (!run (d, Q_PHASE_CHANGE, "Itttt", p->id, nick (WS_TYPE_PHASE, k), instant_text (began, at), by, note))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_reflection (Demo       *d,
                  PersonPlan *p)
{
  static const int lengths[] = { 30, 60, 90 };
  gboolean eu = p->profile == PROFILE_SLOVAK || p->profile == PROFILE_ROMANIAN;
  const char *visa = "none";
  int days = PICK (d, lengths);
  Day starts;

  if (!chance (d, 0.85))
    return TRUE;
  /* Some periods end within the week, so the reminder shows. */
  if (p->phase == WS_PHASE_INITIAL && chance (d, 0.4))
    days = p->starts[0] + between (d, 1, 7);
  if (!eu)
    visa = p->phase == WS_PHASE_INITIAL ? (chance (d, 0.5) ? "applied" : "granted")
         : chance (d, 0.85) ? "granted" : chance (d, 0.5) ? "expired" : "refused";
  return run (d, Q_REFLECTION, "Itdt", p->id, date_at (d, -p->starts[0], starts), days, visa);
}

/* An assessment at every phase change, and reviews as they fall due in
 * the current phase. Most plans are up to date; a believable few have a
 * review overdue or a recent phase change not yet followed by one, so
 * the rules have something to say. */
static gboolean
add_risk (Demo        *d,
          PersonPlan  *p,
          int          on_day,
          int          review_day,
          WsRiskLevel  level)
{
  Day on, next;

  return run (d, Q_RISK, "Ittttt", p->id, date_at (d, -on_day, on), nick (WS_TYPE_RISK_LEVEL, level),
              PICK (d, threats), PICK (d, staff), date_at (d, -review_day, next));
}

/* Days until the case's next hearing, or -1 when none is ahead. */
static int
next_hearing_day (Demo *d,
                  int   case_index)
{
  CasePlan *c = &g_array_index (d->cases, CasePlan, case_index);
  int next = -1;

  for (guint i = 0; i < c->hearings->len; i++)
    {
      HearingPlan *h = &g_array_index (d->hearings, HearingPlan, g_array_index (c->hearings, guint, i));

      if (h->day >= 0 && (next < 0 || h->day < next))
        next = h->day;
    }
  return next;
}

static gboolean
write_risks (Demo       *d,
             PersonPlan *p)
{
  int last = -1;
  int latest;
  int interval;

  if (p->risk == WS_RISK_LEVEL_UNKNOWN)
    return TRUE;
  for (guint k = 0; k <= WS_PHASE_SUSTAINABLE; k++)
    if (p->starts[k] >= 0)
      last = (int) k;
  for (int k = 0; k < last; k++)
    if (p->starts[k] >= 0 &&
        !add_risk (d, p, p->starts[k], p->starts[k] - 30, (WsRiskLevel) between (d, WS_RISK_LEVEL_LOW, WS_RISK_LEVEL_HIGH)))
      return FALSE;

  /* A recent move whose re-assessment is still to be done. */
  if (last > 0 && p->starts[last] <= 10 && chance (d, 0.3))
    return TRUE;
  interval = p->risk == WS_RISK_LEVEL_HIGH ? 30 : p->risk == WS_RISK_LEVEL_MEDIUM ? 60 : 90;
  /* The latest review: at the phase change, or a periodic one since. */
  latest = p->starts[last] <= interval ? p->starts[last] : between (d, 0, MIN (p->starts[last], interval - 1));
  if (p->starts[last] > latest &&
      !add_risk (d, p, p->starts[last], p->starts[last] - interval, (WsRiskLevel) between (d, WS_RISK_LEVEL_LOW, WS_RISK_LEVEL_HIGH)))
    return FALSE;
  /* Most witnesses with a hearing in the next fortnight were re-assessed
   * for it. */
  if (p->case_index >= 0)
    {
      int ahead = next_hearing_day (d, p->case_index);

      if (ahead >= 0 && ahead <= 14 && chance (d, 0.85))
        latest = MIN (latest, between (d, 0, MIN (7, 14 - ahead)));
    }
  /* About one plan in twelve has let its review slip. */
  if (p->starts[last] > interval && chance (d, 0.08))
    latest = MIN (p->starts[last], interval + between (d, 1, 20));
  return add_risk (d, p, latest, latest - interval, p->risk);
}

static const struct {
  WsPhase     phase;
  const char *topic;
} topics[] = {
  { WS_PHASE_INITIAL, "Rights as a victim of crime" },
  { WS_PHASE_INITIAL, "The assistance programme" },
  { WS_PHASE_INITIAL, "Reflection and recovery period" },
  { WS_PHASE_INITIAL, "Consular access" },
  { WS_PHASE_INVESTIGATION, "Progress of the investigation" },
  { WS_PHASE_INVESTIGATION, "Expected duration of the proceedings" },
  { WS_PHASE_INVESTIGATION, "Seized belongings and when they come back" },
  { WS_PHASE_INVESTIGATION, "Protective measures applied for" },
  { WS_PHASE_TRIAL, "What happens at the trial" },
  { WS_PHASE_TRIAL, "Testifying by video link" },
  { WS_PHASE_POST_TRIAL, "Outcome and sentence" },
  { WS_PHASE_POST_TRIAL, "Offender's release date and appeal options" },
  { WS_PHASE_SUSTAINABLE, "Options for the future: residence, return or relocation" },
};

static gboolean
write_information (Demo       *d,
                   PersonPlan *p)
{
  static const char * const modes[] = { "oral", "written", "oral-and-written", "oral-and-written" };
  static const char * const notes[] = {
    "", "", "Gave the leaflet in the witness's language.",
    "The witness asked good questions and wants to hear more next time.",
    "Went through it again a week later, as agreed.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      int given;
      const char *mode;
      const char *note;
      Day on;

      if (p->starts[topics[i].phase] < 0 || (i > 0 && !chance (d, 0.75)))
        continue;
      given = day_in_phase (d, p, topics[i].phase);
      mode = PICK (d, modes);
      note = PICK (d, notes);
      if (!run (d, Q_INFORMATION, "Ittttt", p->id, date_at (d, -given, on), topics[i].topic, p->first_language,
                mode, note))
        return FALSE;
    }
  return TRUE;
}

static const struct {
  const char *recipient;
  const char *purpose;
  AgencyId    agency;
} sharing[] = {
  { "Harbour Counselling Centre", "Referral for counselling", AGENCY_COUNSELLING },
  { "Lindenhof Shelter", "Arranging safe accommodation", AGENCY_SHELTER },
  { "Police liaison officer", "Sharing the risk assessment", AGENCY_NONE },
  { "Open Door Legal Aid", "Legal advice on the proceedings", AGENCY_LEGAL },
  { "Migrant Rights Advice Centre", "Advice on residence", AGENCY_MIGRATION },
  { "Safe Return Partnership", "Preparing a voluntary return", AGENCY_RETURN },
  { "Riverside Health Clinic", "Health care appointments", AGENCY_HEALTH },
  { "Prosecution service", "Sharing the support summary before the hearing", AGENCY_NONE },
};

static gboolean
write_consents (Demo       *d,
                PersonPlan *p)
{
  guint count = between (d, 1, 3);
  guint first = pick (d, G_N_ELEMENTS (sharing));

  for (guint i = 0; i < count; i++)
    {
      guint s = (first + i) % G_N_ELEMENTS (sharing);
      int given = between (d, 0, p->starts[0]);
      int expires = given - (chance (d, 0.5) ? 180 : 365);
      gboolean withdrawn = chance (d, 0.05);
      Day on, until, gone;

      /* A few run out within the fortnight and need renewing. */
      if (i == 0 && chance (d, 0.04))
        expires = -between (d, 1, 14);

      if (!run (d, Q_CONSENT, "Ittttot", p->id, sharing[s].recipient, sharing[s].purpose, date_at (d, -given, on),
                date_at (d, -expires, until), withdrawn ? date_at (d, -between (d, 0, given), gone) : NULL,
                withdrawn ? "Withdrawn by the witness; nothing more is shared." : ""))
        return FALSE;
      if (sharing[s].agency != AGENCY_NONE && chance (d, 0.7) &&
          !run (d, Q_REFERRAL, "IIttIt", p->id, d->agencies[sharing[s].agency], sharing[s].purpose,
                on, d->last_id, ""))
        return FALSE;
    }
  /* Rarely, an urgent referral had to go before consent could be asked. */
  if (chance (d, 0.02))
    {
      Day on;

      return run (d, Q_REFERRAL, "IIttJt", p->id, d->agencies[AGENCY_HEALTH], "Urgent medical care",
                  date_at (d, -p->starts[0], on), (gint64) 0,
                  "Urgent care was needed before consent could be asked; consent to be sought at the next meeting.");
    }
  return TRUE;
}

static gboolean
need_applies (Demo       *d,
              PersonPlan *p,
              const Need *need,
              const char *durable)
{
  if (p->starts[need->phase] < 0)
    return FALSE;
  if ((need->flags & NEED_CHILD) && p->age == WS_AGE_STATUS_ADULT)
    return FALSE;
  if ((need->flags & NEED_DEPENDANTS) && !(p->vulnerability & WS_VULNERABILITY_DEPENDANTS))
    return FALSE;
  if ((need->flags & NEED_CASE) && p->case_index < 0)
    return FALSE;
  if (need->flags & NEED_DURABLE)
    return g_str_equal (need->code, durable);
  if (g_str_equal (need->code, "language.interpreter"))
    return TRUE;
  return (need->flags & NEED_CORE) || chance (d, need->flags & NEED_ECONOMIC ? 0.5 : 0.3);
}

static gboolean
write_support_item (Demo       *d,
                    PersonPlan *p,
                    const Need *need)
{
  static const char * const open[] = { "planned", "in-progress", "in-progress", "done" };
  gboolean current = need->phase == p->phase;
  const char *status = current ? PICK (d, open) : chance (d, 0.9) ? "done" : "cancelled";
  const char *consent = chance (d, 0.92) ? "accepted" : "declined";
  int offered = day_in_phase (d, p, need->phase);
  gint64 agency = need->agency != AGENCY_NONE ? d->agencies[need->agency] : 0;
  const char *notes = g_str_equal (status, "done") ? PICK (d, notes_done)
                    : g_str_equal (status, "cancelled") ? "No longer needed; agreed with the witness."
                    : PICK (d, notes_open);
  Day on, due;

  if (g_str_equal (consent, "declined"))
    {
      status = "cancelled";
      notes = "Declined for now; offer again at the next review.";
    }
  else if (g_str_equal (status, "planned") && chance (d, 0.4))
    consent = "not-asked";
  /* A few open items are past their due date. */
  if (!g_str_equal (status, "done") && !g_str_equal (status, "cancelled"))
    date_at (d, chance (d, 0.04) ? -between (d, 1, 10) : between (d, 1, 45), due);
  else
    date_at (d, -MAX (0, offered - 14), due);

  return run (d, Q_SUPPORT, "IttttJtott", p->id, need->code, nick (WS_TYPE_PHASE, need->phase),
              date_at (d, -offered, on), consent, agency, PICK (d, staff), due, status, notes);
}

static gboolean
write_support (Demo       *d,
               PersonPlan *p)
{
  static const char * const durable[] = { "durable.return", "durable.integration", "durable.integration", "durable.relocation" };
  const char *chosen = PICK (d, durable);

  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    if (need_applies (d, p, &needs[i], chosen) && !write_support_item (d, p, &needs[i]))
      return FALSE;
  return TRUE;
}

/* The phase whose days a track's items are ticked in. */
static WsPhase
phase_of_track (WsTrack track)
{
  switch (track)
    {
    case WS_TRACK_PRE_TRIAL: return WS_PHASE_INVESTIGATION;
    case WS_TRACK_TRIAL: return WS_PHASE_TRIAL;
    case WS_TRACK_POST_TRIAL: return WS_PHASE_POST_TRIAL;
    case WS_TRACK_OPENING: case WS_TRACK_INITIAL: case WS_TRACK_CHILD: default: return WS_PHASE_INITIAL;
    }
}

static gboolean
track_reached (PersonPlan *p,
               WsTrack     track)
{
  if (track == WS_TRACK_CHILD)
    return p->age != WS_AGE_STATUS_ADULT;
  return p->starts[phase_of_track (track)] >= 0;
}

static gboolean
tick_check (Demo                  *d,
            PersonPlan            *p,
            WsTrack                track,
            const WsCheckTemplate *item,
            gboolean               current)
{
  const char *state = chance (d, current ? 0.45 : 0.92) ? "done" : current || chance (d, 0.5) ? "open" : "not-applicable";
  const char *reason = "Not needed for this witness; discussed and agreed with them.";
  Day on;

  if (g_str_equal (item->code, "risk-assessed"))
    state = p->risk == WS_RISK_LEVEL_UNKNOWN ? "open" : "done";
  else if (track == WS_TRACK_CHILD && g_str_equal (item->code, "guardian"))
    state = p->guardian ? "done" : "open";
  else if (track == WS_TRACK_CHILD && g_str_equal (item->code, "age-assessment"))
    state = p->age == WS_AGE_STATUS_CHILD ? "done" : "open";
  if (g_str_equal (state, "open"))
    return TRUE;
  date_at (d, -day_in_phase (d, p, phase_of_track (track)), on);
  return run (d, Q_CHECKLIST, "tottIt" "t", state, on, PICK (d, staff),
              g_str_equal (state, "not-applicable") ? reason : "", p->id, nick (WS_TYPE_TRACK, track), item->code);
}

/* The plan's own checklists: saving the person added the opening one,
 * the current phase's and the child track; earlier phases' are added
 * here, then ticked as the officers would have. */
static gboolean
write_checklist (Demo       *d,
                 PersonPlan *p)
{
  WsTrack current = WS_TRACK_OPENING;
  gboolean has_current = ws_track_for_phase (p->phase, &current);

  for (WsTrack track = WS_TRACK_OPENING; track <= WS_TRACK_POST_TRIAL; track++)
    {
      guint n_items;
      const WsCheckTemplate *items = _ws_track_get_template (track, &n_items);

      if (!track_reached (p, track))
        continue;
      if (!ws_database_add_track (d->db, p->id, track, NULL, &d->error))
        return FALSE;
      for (guint i = 0; i < n_items; i++)
        if (!tick_check (d, p, track, &items[i], has_current && track == current))
          return FALSE;
    }
  return TRUE;
}

static gboolean
write_benefits (Demo       *d,
                PersonPlan *p)
{
  static const struct { const char *kind; const char *reason; int lo; int hi; } kinds[] = {
    { "Travel allowance", "Travel to the court for the hearing.", 1500, 9000 },
    { "Meal allowance", "Meals on hearing days.", 1000, 4000 },
    { "Accommodation during the trial", "A room near the court so the witness did not travel at night.", 8000, 30000 },
    { "Clothing grant", "Clothes for court; belongings are held as evidence.", 5000, 15000 },
    { "Child care costs", "Child care on hearing days.", 3000, 12000 },
  };
  CasePlan *c;
  guint count;

  if (p->case_index < 0 || p->starts[WS_PHASE_TRIAL] < 0)
    return TRUE;
  c = &g_array_index (d->cases, CasePlan, p->case_index);
  count = between (d, 1, 4);
  for (guint i = 0; i < count; i++)
    {
      guint k = pick (d, G_N_ELEMENTS (kinds));
      int given = day_in_phase (d, p, WS_PHASE_TRIAL);
      gint64 amount = between (d, kinds[k].lo, kinds[k].hi);
      Day on;

      if (!run (d, Q_BENEFIT, "IttItt", p->id, date_at (d, -given, on), kinds[k].kind, amount,
                centres[c->centre].currency, kinds[k].reason))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_compensation (Demo       *d,
                    PersonPlan *p)
{
  static const char * const heads[] = { "unpaid-wages", "legal-fees", "medical-costs", "lost-opportunities", "pain-and-suffering" };
  static const char * const routes[] = { "criminal-order", "civil-action", "labour-claim", "state-scheme", "trust-fund" };
  static const char * const statuses[] = { "planned", "filed", "filed", "awarded", "refused", "paid" };
  CasePlan *c;
  guint count;

  if (p->case_index < 0 || p->starts[WS_PHASE_POST_TRIAL] < 0)
    return TRUE;
  c = &g_array_index (d->cases, CasePlan, p->case_index);
  count = between (d, 1, 2);
  for (guint i = 0; i < count; i++)
    {
      const char *status = PICK (d, statuses);
      const char *head = PICK (d, heads);
      const char *route = PICK (d, routes);
      gint64 claimed = (gint64) between (d, 1000, 25000) * 100;
      gboolean awarded = g_str_equal (status, "awarded") || g_str_equal (status, "paid");
      gint64 award = awarded ? claimed * between (d, 40, 100) / 100 : 0;

      if (!run (d, Q_COMPENSATION, "IIttIJtt", p->id, c->id, head, route, claimed, award,
                centres[c->centre].currency, status))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_persons (Demo *d)
{
  for (guint i = 0; i < d->persons->len; i++)
    {
      PersonPlan *p = &g_array_index (d->persons, PersonPlan, i);
      g_autoptr(WsPerson) person = make_person (d, p);
      g_autoptr(WsIdentity) identity = make_identity (d, p);

      if ((i & 255) == 255 && g_cancellable_set_error_if_cancelled (d->cancellable, &d->error))
        return FALSE;
      if (!ws_database_save_person (d->db, person, identity, &d->error))
        return FALSE;
      p->id = ws_person_get_id (person);
      if (!write_phase_changes (d, p) || !write_reflection (d, p) || !write_risks (d, p) ||
          !write_information (d, p) || !write_consents (d, p) || !write_support (d, p) ||
          !write_checklist (d, p) || !write_benefits (d, p) || !write_compensation (d, p))
        return FALSE;
    }
  return link_parties (d);
}

/* ------------------------------------------------------------------ */
/* Interpreters                                                        */

static char *
unique_interpreter_name (Demo       *d,
                         const char *given,
                         const char *surname)
{
  g_autofree char *name = g_strdup_printf ("%s %s", given, surname);

  for (guint i = 0; g_hash_table_contains (d->names, name); i++)
    {
      g_free (name);
      name = i < 26 ? g_strdup_printf ("%s %c. %s", given, 'A' + i, surname)
                    : g_strdup_printf ("%s %s %u", given, surname, i - 24);
    }
  g_hash_table_add (d->names, g_strdup (name));
  return g_steal_pointer (&name);
}

static gboolean
add_language (Demo       *d,
              gint64      interpreter,
              const char *language,
              const char *dialect,
              const char *modality,
              const char *accreditation)
{
  return run (d, Q_INTERPRETER_LANGUAGE, "Ittt" "t", interpreter, language, dialect, modality, accreditation);
}

static gboolean
add_spoken_languages (Demo          *d,
                      gint64         id,
                      const Profile *profile,
                      guint          j,
                      PlaceId        place)
{
  guint n_dialects = g_strv_length ((char **) profile->dialects);
  const char *accreditation = chance (d, 0.15) ? "" : places[place].accreditation;

  for (guint k = 0; k < n_dialects; k++)
    if ((k == j % n_dialects || chance (d, 0.4)) &&
        !add_language (d, id, profile->language, profile->dialects[k], "spoken", accreditation))
      return FALSE;
  if (profile->extra_language != NULL && (j == 0 || chance (d, 0.6)) &&
      !add_language (d, id, profile->extra_language, "", "spoken", accreditation))
    return FALSE;
  if ((place == PLACE_VIENNA || chance (d, 0.3)) && !add_language (d, id, "German", "", "spoken", accreditation))
    return FALSE;
  if (place != PLACE_VIENNA || chance (d, 0.4))
    return add_language (d, id, "English", "", "spoken", accreditation);
  return TRUE;
}

static gboolean
add_interpreter (Demo *d,
                 int   profile_index,
                 guint j)
{
  static const char * const reasons[] = {
    "Annual leave.", "Training course.", "Booked for another court.", "Medical appointment.",
  };
  const Profile *profile = &profiles[profile_index >= 0 ? profile_index : PROFILE_SLOVAK];
  gboolean female = profile_index < 0 || j == 0 || (j > 1 && chance (d, 0.55));
  PlaceId place = PLACE_VIENNA;
  InterpreterPlan ip = { 0, profile_index, female ? WS_GENDER_FEMALE : WS_GENDER_MALE, -1, -1 };
  guint index = d->interpreters->len;
  g_autofree char *full_given = latin_of (given_name (d, profile, female));
  /* Of a Vietnamese given part only the last word is the given name. */
  const char *given = profile->family_first && strrchr (full_given, ' ') != NULL ? strrchr (full_given, ' ') + 1
                                                                                  : full_given;
  const char *surname = PICK (d, interpreter_surnames);
  g_autofree char *name = unique_interpreter_name (d, given, surname);
  g_autofree char *contact = email_for (d, given, surname);

  if (profile_index >= 0 && j == 1)
    place = profile->abroad[0];
  else if (profile_index >= 0 && j % 4 == 3)
    place = PLACE_LONDON;

  if (!run (d, Q_INTERPRETER, "tttt", name, nick (WS_TYPE_GENDER, ip.gender), places[place].zone, contact))
    return FALSE;
  ip.id = d->last_id;

  if (profile_index < 0)
    {
      if (!add_language (d, ip.id, SIGN_LANGUAGE, "", "sign", "Certified sign-language interpreter") ||
          !add_language (d, ip.id, SIGN_LANGUAGE_HOME, "", "sign", "Certified sign-language interpreter") ||
          !add_language (d, ip.id, "German", "", "spoken", ""))
        return FALSE;
    }
  else if (!add_spoken_languages (d, ip.id, profile, j, place))
    return FALSE;

  /* Time away also counts as a booking, so nothing is scheduled into it. */
  if (index == 0 || chance (d, 0.12))
    {
      int from = between (d, 2, 30);
      gint64 starts = local_time (d, places[place].zone, from, 0);
      gint64 ends = local_time (d, places[place].zone, from + between (d, 1, 10), 0);
      Instant a, b;

      book (d, RESOURCE (RESOURCE_INTERPRETER, index), starts, ends);
      if (!run (d, Q_UNAVAILABILITY, "Ittt", ip.id, instant_text (starts, a), instant_text (ends, b), PICK (d, reasons)))
        return FALSE;
    }
  g_array_append_val (d->interpreters, ip);
  return TRUE;
}

static int
find_speaker (Demo *d,
              int   profile_index)
{
  guint first = pick (d, d->persons->len);

  for (guint k = 0; k < d->persons->len; k++)
    {
      guint i = (first + k) % d->persons->len;
      PersonPlan *p = &g_array_index (d->persons, PersonPlan, i);

      if ((int) p->profile == profile_index && !p->deaf)
        return (int) i;
    }
  return -1;
}

static gboolean
write_exclusions (Demo *d)
{
  for (guint i = 0; i < d->interpreters->len; i++)
    {
      InterpreterPlan *ip = &g_array_index (d->interpreters, InterpreterPlan, i);

      if ((i == 1 || chance (d, 0.03)) && ip->profile >= 0)
        {
          ip->excluded_case = (int) pick (d, d->cases->len);
          if (!run (d, Q_EXCLUSION, "IIJt", ip->id, g_array_index (d->cases, CasePlan, ip->excluded_case).id, (gint64) 0,
                    "Declared a conflict of interest: knows a relative of one of the accused."))
            return FALSE;
        }
      else if ((i == 2 || chance (d, 0.03)) && ip->profile >= 0 && (ip->excluded_person = find_speaker (d, ip->profile)) >= 0)
        {
          if (!run (d, Q_EXCLUSION, "IJIt", ip->id, (gint64) 0,
                    g_array_index (d->persons, PersonPlan, ip->excluded_person).id,
                    "The witness asked not to work with this interpreter again after a difficult interview."))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_interpreters (Demo *d)
{
  guint speakers[N_PROFILES] = { 0 };
  guint deaf = 0;

  for (guint i = 0; i < d->persons->len; i++)
    {
      PersonPlan *p = &g_array_index (d->persons, PersonPlan, i);

      if (p->deaf)
        deaf++;
      else
        speakers[p->profile]++;
    }
  /* Every language in the unit is covered, by both genders. */
  for (guint pr = 0; pr < N_PROFILES; pr++)
    for (guint j = 0; j < MAX (2, speakers[pr] / 45 + 1); j++)
      if (!add_interpreter (d, (int) pr, j))
        return FALSE;
  for (guint j = 0; j < 1 + deaf / 40; j++)
    if (!add_interpreter (d, -1, j))
      return FALSE;
  return write_exclusions (d);
}

/* ------------------------------------------------------------------ */
/* Video-link sessions                                                 */

static int
find_remote_site (Demo        *d,
                  PersonPlan  *p,
                  HearingPlan *h,
                  gint64       starts,
                  gint64       ends)
{
  gboolean abroad = p->place >= N_HOME_PLACES;
  PlaceId place = abroad ? p->place : g_array_index (d->cases, CasePlan, h->case_index).centre;
  guint first = pick (d, d->sites->len);

  for (guint k = 0; k < d->sites->len; k++)
    {
      guint s = (first + k) % d->sites->len;
      SitePlan *site = &g_array_index (d->sites, SitePlan, s);

      if (site->kind == (abroad ? SITE_ABROAD : SITE_REMOTE_SUITE) && site->place == place &&
          is_free (d, RESOURCE (RESOURCE_SITE, s), starts, ends))
        return (int) s;
    }
  return -1;
}

static int
find_interpreter (Demo       *d,
                  guint       person,
                  int         case_index,
                  gint64      starts,
                  gint64      ends)
{
  PersonPlan *p = &g_array_index (d->persons, PersonPlan, person);
  int wanted = p->deaf ? -1 : (int) p->profile;
  guint first = pick (d, d->interpreters->len);

  for (guint k = 0; k < d->interpreters->len; k++)
    {
      guint i = (first + k) % d->interpreters->len;
      InterpreterPlan *ip = &g_array_index (d->interpreters, InterpreterPlan, i);

      if (ip->profile != wanted || ip->excluded_case == case_index || ip->excluded_person == (int) person)
        continue;
      if ((p->interpreter_gender == WS_INTERPRETER_GENDER_FEMALE && ip->gender != WS_GENDER_FEMALE) ||
          (p->interpreter_gender == WS_INTERPRETER_GENDER_MALE && ip->gender != WS_GENDER_MALE))
        continue;
      if (is_free (d, RESOURCE (RESOURCE_INTERPRETER, i), starts, ends))
        return (int) i;
    }
  return -1;
}

static gboolean
write_session_history (Demo       *d,
                       gint64      session,
                       gint64      starts,
                       const char *status,
                       const char *reason)
{
  gint64 before = starts - (gint64) between (d, 10, 30) * DAY;
  gint64 ago = d->now - (gint64) between (d, 1, 5) * DAY;
  gint64 created = MIN (before, ago);
  gint64 after = created + (gint64) between (d, 1, 3) * DAY;
  gint64 later = MIN (after, d->now - 3600);
  g_autofree char *cancelled = g_strdup_printf ("Cancelled: %s", reason);
  Instant a, b;

  if (!run (d, Q_SESSION_HISTORY, "Itt" "t", session, instant_text (created, a), PICK (d, staff),
            "Created; link details sent to both sites."))
    return FALSE;
  if (g_str_equal (status, "confirmed"))
    return run (d, Q_SESSION_HISTORY, "Ittt", session, instant_text (MAX (later, created), b), PICK (d, staff),
                "Confirmed with the remote site after the test call was arranged.");
  if (g_str_equal (status, "cancelled"))
    return run (d, Q_SESSION_HISTORY, "Ittt", session, instant_text (MAX (later, created), b), PICK (d, staff), cancelled);
  return TRUE;
}

static gboolean
write_session (Demo        *d,
               HearingPlan *h,
               guint        person,
               guint        remote,
               gint64       starts,
               gint64       ends)
{
  PersonPlan *p = &g_array_index (d->persons, PersonPlan, person);
  CasePlan *c = &g_array_index (d->cases, CasePlan, h->case_index);
  gboolean past = ends < d->now;
  const char *status = past ? (chance (d, 0.9) ? "confirmed" : "cancelled")
                            : chance (d, 0.5) ? "confirmed" : chance (d, 0.8) ? "planned" : "cancelled";
  gboolean cancelled = g_str_equal (status, "cancelled");
  const char *reason = cancelled ? PICK (d, cancel_reasons) : "";
  const char *support = p->age != WS_AGE_STATUS_ADULT ? support_people[chance (d, 0.5) ? 0 : 3]
                      : chance (d, 0.85) ? support_people[pick (d, 3)] : "";
  guint number = ++d->n_sessions;
  gint64 test_call = 0;
  int interpreter = -1;
  gint64 key = ((gint64) h->case_index << 32) | person;
  guint32 random[4];
  char uid[96], reference[32], address[64], pin[8];
  Instant a, b, t;

  for (guint i = 0; i < G_N_ELEMENTS (random); i++)
    random[i] = g_rand_int (d->rand);
  g_snprintf (uid, sizeof uid, "%08x-%04x-4%03x-%04x-%012x@witnesssupport.example", random[0],
              random[1] & 0xffff, random[2] & 0xfff, (random[3] & 0x3fff) | 0x8000, number);
  g_snprintf (reference, sizeof reference, "VL-%.4s-%05u", instant_text (starts, a), number);
  g_snprintf (address, sizeof address, "https://video.justice.example/join/%08x", g_rand_int (d->rand));
  g_snprintf (pin, sizeof pin, "%06u", pick (d, 1000000));

  /* A cancelled session frees its slots; a planned one may not have its test call yet. */
  if (!cancelled)
    {
      book (d, RESOURCE (RESOURCE_SITE, remote), starts, ends);
      book (d, RESOURCE (RESOURCE_PERSON, person), starts, ends);
      if (p->deaf || !g_str_equal (status, "planned") || chance (d, 0.6))
        test_call = starts - (gint64) (weekday_of (d, h->day) == G_DATE_MONDAY ? 3 : 1) * DAY;
      interpreter = find_interpreter (d, person, (int) h->case_index, starts, ends);
      if (interpreter >= 0)
        book (d, RESOURCE (RESOURCE_INTERPRETER, interpreter), starts, ends);
      if (!g_hash_table_contains (d->video_refs, &key))
        g_hash_table_insert (d->video_refs, g_memdup2 (&key, sizeof key), g_strdup (reference));
    }

  if (!run (d, Q_SESSION, "tdIIIItt" "ottttttt", uid, cancelled ? 2 : g_str_equal (status, "confirmed") ? 1 : 0,
            h->id, p->id, g_array_index (d->sites, SitePlan, h->site).id, g_array_index (d->sites, SitePlan, remote).id,
            instant_text (starts, a), instant_text (ends, b), test_call > 0 ? instant_text (test_call, t) : NULL,
            reference, address, pin, centres[c->centre].technical, support, status, reason))
    return FALSE;
  {
    gint64 session = d->last_id;

    if (interpreter >= 0 &&
        !run (d, Q_SESSION_INTERPRETER, "IIt", session, g_array_index (d->interpreters, InterpreterPlan, interpreter).id,
              p->first_language))
      return FALSE;
    return write_session_history (d, session, starts, status, reason);
  }
}

static gboolean
wants_link (Demo        *d,
            PersonPlan  *p,
            Party       *party,
            HearingPlan *h)
{
  if (party->role == WS_PARTY_ROLE_VICTIM || g_str_equal (h->kind, "sentencing"))
    return FALSE;
  /* Nobody testifies at a hearing before they first met the unit. */
  if (h->day < -p->starts[WS_PHASE_INITIAL])
    return FALSE;
  if (g_str_equal (h->kind, "other"))
    return p->age != WS_AGE_STATUS_ADULT;
  return p->place >= N_HOME_PLACES || p->age != WS_AGE_STATUS_ADULT ||
         ((p->vulnerability & (WS_VULNERABILITY_TRAUMA | WS_VULNERABILITY_INTIMIDATED)) && chance (d, 0.6)) ||
         chance (d, 0.25);
}

static gboolean
write_sessions (Demo *d)
{
  for (guint i = 0; i < d->hearings->len; i++)
    {
      HearingPlan *h = &g_array_index (d->hearings, HearingPlan, i);
      CasePlan *c = &g_array_index (d->cases, CasePlan, h->case_index);
      guint slot = 0;

      for (guint j = 0; j < c->parties->len && slot < 2; j++)
        {
          Party *party = &g_array_index (c->parties, Party, j);
          PersonPlan *p = &g_array_index (d->persons, PersonPlan, party->person);
          gint64 starts = h->starts + (30 + 100 * (gint64) slot) * 60;
          gint64 ends = starts + 90 * 60;
          int remote;

          if (ends > h->ends || !wants_link (d, p, party, h) ||
              !is_free (d, RESOURCE (RESOURCE_PERSON, party->person), starts, ends))
            continue;
          remote = find_remote_site (d, p, h, starts, ends);
          if (remote < 0)
            continue;
          slot++;
          if (!write_session (d, h, party->person, (guint) remote, starts, ends))
            return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Protective measures and screening                                   */

static void
choose_measures (Demo       *d,
                 PersonPlan *p,
                 GPtrArray  *types)
{
  gboolean child = p->age != WS_AGE_STATUS_ADULT;
  gboolean afraid = (p->vulnerability & WS_VULNERABILITY_INTIMIDATED) != 0;

  if (chance (d, 0.7))
    g_ptr_array_add (types, "pseudonym");
  if (p->place >= N_HOME_PLACES)
    g_ptr_array_add (types, "video-link-abroad");
  else if (child || ((afraid || (p->vulnerability & WS_VULNERABILITY_TRAUMA)) && chance (d, 0.6)))
    g_ptr_array_add (types, "video-link-room");
  if (p->risk == WS_RISK_LEVEL_HIGH || (afraid && chance (d, 0.5)))
    {
      g_ptr_array_add (types, "screens");
      g_ptr_array_add (types, "separate-waiting");
    }
  if (child)
    {
      g_ptr_array_add (types, "recorded-interview");
      g_ptr_array_add (types, "support-person");
    }
  if (p->vulnerability & (WS_VULNERABILITY_LITERACY | WS_VULNERABILITY_DISABILITY))
    g_ptr_array_add (types, "intermediary");
  if (chance (d, 0.15))
    g_ptr_array_add (types, "in-camera");
  if (chance (d, 0.1))
    g_ptr_array_add (types, "questioning-limits");
  if (p->risk == WS_RISK_LEVEL_HIGH)
    g_ptr_array_add (types, "non-disclosure");
}

static const char *
measure_status (Demo        *d,
                WsCaseStage  stage)
{
  static const char * const pre_trial[] = { "proposed", "proposed", "applied-for", "applied-for", "granted", "granted", "refused" };
  static const char * const trial[] = { "applied-for", "granted", "granted", "arranged", "arranged", "arranged", "arranged", "refused" };
  static const char * const after[] = { "arranged", "arranged", "arranged", "arranged", "arranged", "refused", "withdrawn" };

  switch (stage)
    {
    case WS_CASE_STAGE_INVESTIGATION:
      return "proposed";
    case WS_CASE_STAGE_PRE_TRIAL:
      return PICK (d, pre_trial);
    case WS_CASE_STAGE_TRIAL:
      return PICK (d, trial);
    case WS_CASE_STAGE_VERDICT:
    case WS_CASE_STAGE_APPEAL:
    case WS_CASE_STAGE_CLOSED:
    default:
      return PICK (d, after);
    }
}

static gint64
next_hearing (Demo     *d,
              CasePlan *c)
{
  for (guint i = 0; i < c->hearings->len; i++)
    {
      HearingPlan *h = &g_array_index (d->hearings, HearingPlan, g_array_index (c->hearings, guint, i));

      if (h->starts > d->now)
        return h->id;
    }
  return 0;
}

/* The measure's way from proposed to its status, one dated step each. */
typedef struct {
  const char *steps[4];
  gint64      when[4];
  guint       n;
  Day         applied;
  Day         decided;
} MeasureSteps;

static void
plan_measure_steps (Demo         *d,
                    const char   *status,
                    int           proposed,
                    MeasureSteps *m)
{
  gboolean ends_elsewhere = g_str_equal (status, "refused") || g_str_equal (status, "withdrawn");
  int ago = proposed;
  gint64 previous = 0;

  memset (m, 0, sizeof *m);
  m->steps[m->n++] = "proposed";
  if (!g_str_equal (status, "proposed"))
    m->steps[m->n++] = "applied-for";
  if (g_str_equal (status, "granted") || g_str_equal (status, "arranged"))
    m->steps[m->n++] = "granted";
  if (ends_elsewhere || g_str_equal (status, "arranged"))
    m->steps[m->n++] = status;

  for (guint k = 0; k < m->n; k++)
    {
      gint64 when;

      if (k > 0)
        ago -= between (d, 1, ago / (int) (m->n - k + 1) + 1);
      ago = MAX (ago, 0);
      when = past_instant (d, ago);
      when = MAX (when, previous + 3600);
      m->when[k] = MIN (when, d->now - 60);
      previous = m->when[k];
      if (g_str_equal (m->steps[k], "applied-for"))
        date_at (d, -ago, m->applied);
      if (g_str_equal (m->steps[k], "granted") || g_str_equal (m->steps[k], "refused"))
        date_at (d, -ago, m->decided);
    }
}

/* How a case's measures stand, so the Hearings place shows hearings in
 * every state: most as the stage makes likely, some made fully ready. */
typedef enum {
  PLAN_AS_STAGE,
  PLAN_READY,
  PLAN_READY_WITH_REFUSAL,
  PLAN_GRANTED,
} MeasurePlan;

static gboolean
all_adults (Demo     *d,
            CasePlan *c)
{
  for (guint j = 0; j < c->parties->len; j++)
    {
      Party *party = &g_array_index (c->parties, Party, j);

      if (g_array_index (d->persons, PersonPlan, party->person).age != WS_AGE_STATUS_ADULT)
        return FALSE;
    }
  return c->parties->len > 0;
}

static gint64 next_hearing (Demo *d, CasePlan *c);

/* The first eligible case is ready, the second ready with one refusal,
 * the third all granted and waiting to be arranged, then every fourth
 * in turn; no random draw, so the rest of the
 * unit stays as the seed makes it. A case with a child keeps the aids
 * proposed by themselves, so it is never picked. */
static MeasurePlan
plan_case_measures (Demo     *d,
                    CasePlan *c)
{
  static const MeasurePlan turns[] = { PLAN_READY, PLAN_READY_WITH_REFUSAL, PLAN_GRANTED };
  guint n;

  if ((c->stage != WS_CASE_STAGE_TRIAL && c->stage != WS_CASE_STAGE_PRE_TRIAL) ||
      next_hearing (d, c) == 0 || !all_adults (d, c))
    return PLAN_AS_STAGE;

  n = d->n_ready_candidates++;
  if (n < G_N_ELEMENTS (turns))
    return turns[n];
  if (n % 4 != 0)
    return PLAN_AS_STAGE;
  return turns[(n / 4) % G_N_ELEMENTS (turns)];
}

static gboolean
write_measure (Demo        *d,
               guint        case_index,
               guint        person,
               const char  *type,
               MeasurePlan  plan,
               gboolean     refuse)
{
  static const char * const refusals[] = {
    "The court found it unnecessary because the witness testifies by video link.",
    "The court found it disproportionate at this stage; it may be asked for again before the trial.",
    "The court preferred a closed hearing for this part of the evidence instead.",
  };
  static const char * const defence[] = {
    "", "The defence does not object.",
    "The defence objects and asks that the witness testify in the courtroom.",
    "The defence accepts the measure if the witness can be seen clearly on screen.",
  };
  static const char * const notes[] = {
    "", "Discussed with the witness, who feels more at ease with it.",
    "Equipment checked with the court's video desk.",
    "The witness was told what it protects and what it cannot.",
  };
  CasePlan *c = &g_array_index (d->cases, CasePlan, case_index);
  PersonPlan *p = &g_array_index (d->persons, PersonPlan, person);
  const char *status = measure_status (d, c->stage);
  gint64 key = ((gint64) case_index << 32) | person;
  const char *booking = "";
  int proposed = MIN (c->opened, p->starts[WS_PHASE_INITIAL]) - between (d, 0, 20);
  gint64 hearing = c->stage == WS_CASE_STAGE_INVESTIGATION || chance (d, 0.5) ? 0 : next_hearing (d, c);
  const char *requested_by = chance (d, 0.6) ? "Victim liaison officer" : "Prosecution";
  const char *refusal = PICK (d, refusals);
  const char *position = PICK (d, defence);
  const char *note = PICK (d, notes);
  const WsMeasureType *entry = ws_measure_type_lookup (type);
  const char *alternative = "";
  MeasureSteps m;
  gint64 measure;

  if (plan == PLAN_GRANTED)
    status = "granted";
  else if (plan != PLAN_AS_STAGE)
    status = refuse ? "refused" : "arranged";
  if (refuse)
    alternative = "Screens in the courtroom and a separate waiting area instead.";
  /* A ready case has its rooms, screens and links booked at the court. */
  if ((plan == PLAN_READY || plan == PLAN_READY_WITH_REFUSAL) && !refuse && entry != NULL &&
      entry->arrangement != WS_ARRANGEMENT_BY_HAND)
    {
      booking = g_hash_table_lookup (d->video_refs, &key);
      if (booking == NULL)
        booking = "Booked with the court's facilities desk";
    }
  /* A video link counts as arranged only once a session is booked. */
  else if (g_str_has_prefix (type, "video-link") && g_str_equal (status, "arranged"))
    {
      booking = g_hash_table_lookup (d->video_refs, &key);
      if (booking == NULL)
        {
          booking = "";
          status = "granted";
        }
    }
  /* Linking a child proposed its testimonial aids already; the demo's own
   * history of that measure replaces the bare proposal. */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM measure WHERE case_id = %" G_GINT64_FORMAT
                                            " AND person_id = %" G_GINT64_FORMAT
                                            " AND type = '%s' AND status = 'proposed'", c->id, p->id, type);

    g_assert (strchr (type, '\'') == NULL);
    if (!_ws_database_exec (d->db, sql, &d->error))
      return FALSE;
  }
  plan_measure_steps (d, status, MAX (proposed, 1), &m);
  if (!run (d, Q_MEASURE, "IIJtttotottttttt", c->id, p->id, hearing, type, status, requested_by, m.applied,
            m.decided[0] != '\0' ? "Presiding judge" : "", m.decided, centres[c->centre].legal_basis,
            g_str_equal (status, "refused") ? refusal : "", position, booking, note, alternative))
    return FALSE;
  measure = d->last_id;
  for (guint k = 0; k < m.n; k++)
    {
      Instant at;

      if (!run (d, Q_MEASURE_HISTORY, "Itttt", measure, m.steps[k], instant_text (m.when[k], at), PICK (d, staff),
                k == 0 ? "Discussed with the witness first." : ""))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_screening (Demo     *d,
                 CasePlan *c,
                 gint64    person)
{
  gint64 accused = c->n_accused > 0 && chance (d, 0.3) ? c->accused[pick (d, c->n_accused)] : 0;

  return run (d, Q_SCREENING, "IIJ", person, c->id, accused);
}

static gboolean
write_measures (Demo *d)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  for (guint i = 0; i < d->cases->len; i++)
    {
      CasePlan *c = &g_array_index (d->cases, CasePlan, i);
      MeasurePlan plan;
      gboolean refused = FALSE;

      if (c->stage == WS_CASE_STAGE_INVESTIGATION && !chance (d, 0.3))
        continue;
      plan = plan_case_measures (d, c);
      for (guint j = 0; j < c->parties->len; j++)
        {
          Party *party = &g_array_index (c->parties, Party, j);
          PersonPlan *p = &g_array_index (d->persons, PersonPlan, party->person);
          gboolean screened = p->risk == WS_RISK_LEVEL_HIGH;

          g_ptr_array_set_size (types, 0);
          choose_measures (d, p, types);
          for (guint k = 0; k < types->len && k < 4; k++)
            {
              gboolean refuse = plan == PLAN_READY_WITH_REFUSAL && !refused;

              if (!write_measure (d, i, party->person, g_ptr_array_index (types, k), plan, refuse))
                return FALSE;
              refused |= refuse;
              screened |= g_str_equal (g_ptr_array_index (types, k), "screens");
            }
          if (screened && !write_screening (d, c, p->id))
            return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Putting it together                                                 */

/* A conflict to see and resolve: the witness of the first coming session
 * with an interpreter, for which one of the other gender interpreting the
 * language is free, has since asked for an interpreter of that gender.
 * "What needs attention" and the session's conflict check show it; its
 * alternatives offer the other interpreter. */
static gboolean
write_visible_conflict (Demo *d)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (d->now);
  g_autofree char *now_text = ws_time_format_instant (now);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _ws_database_prepare (d->db,
    "SELECT s.id FROM session s JOIN session_interpreter si ON si.session_id = s.id"
    " JOIN interpreter i ON i.id = si.interpreter_id JOIN person p ON p.id = s.person_id"
    " WHERE s.status <> 'cancelled' AND s.starts_at > ?1 AND i.gender IN ('female', 'male')"
    " AND p.interpreter_gender = 'any' ORDER BY s.starts_at, s.id", &d->error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 1, now_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (candidates, id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(WsSession) session = ws_database_get_session (d->db, g_array_index (candidates, gint64, i), &d->error);
      g_autoptr(WsAlternatives) alternatives = NULL;
      g_autoptr(WsInterpreter) booked = NULL;
      GPtrArray *interpreters;
      WsGender wanted;
      gboolean found = FALSE;

      if (session == NULL)
        return FALSE;
      booked = ws_database_get_interpreter (d->db, ws_session_get_interpreter_id (session, 0), &d->error);
      if (booked == NULL)
        return FALSE;
      wanted = ws_interpreter_get_gender (booked) == WS_GENDER_MALE ? WS_GENDER_FEMALE : WS_GENDER_MALE;
      alternatives = ws_database_find_alternatives (d->db, session, NULL, &d->error);
      if (alternatives == NULL)
        return FALSE;
      interpreters = ws_alternatives_get_interpreters (alternatives);
      for (guint k = 0; k < interpreters->len; k++)
        found |= ws_interpreter_get_gender (g_ptr_array_index (interpreters, k)) == wanted;
      if (!found)
        continue;
      stmt = _ws_database_prepare (d->db, "UPDATE person SET interpreter_gender = ?2 WHERE id = ?1", &d->error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ws_session_get_person_id (session));
      _ws_bind_text (stmt, 2, wanted == WS_GENDER_FEMALE ? "female" : "male");
      return _ws_database_step_done (d->db, stmt, &d->error);
    }
  return TRUE;
}

static gboolean
write_unit (Demo *d)
{
  plan_cases (d);
  plan_persons (d);
  return write_catalogue (d) &&
         write_sites (d) &&
         write_closures (d) &&
         save_cases (d) &&
         save_persons (d) &&
         write_interpreters (d) &&
         !g_cancellable_set_error_if_cancelled (d->cancellable, &d->error) &&
         write_sessions (d) &&
         write_visible_conflict (d) &&
         write_measures (d);
}

/* Every row the checks refuse would be a bug here, so the whole result is
 * verified before it is committed. */
static gboolean
verify (Demo *d)
{
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (d->db, "PRAGMA quick_check", &d->error);
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _ws_database_set_error (d->db, &d->error, _("Checking the demonstration unit"));
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;
  g_set_error (&d->error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
               /* Translators: %s is the database's own description of the problem */
               _("The demonstration unit breaks a rule of the database: %s"), result);
  return FALSE;
}

static gboolean
fill (WsDatabase    *db,
      guint          n_witnesses,
      guint32        seed,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(Demo) d = NULL;
  gboolean written;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* One transaction: a failure or a cancel half-way leaves nothing behind. */
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!ws_database_is_empty (db))
    {
      _ws_database_rollback (db);
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("The database already holds records; demonstration data only goes into an empty database"));
      return FALSE;
    }

  /* SQLite evaluates a CHECK (x IN (…)) by building and dropping a small
   * b-tree for every row inserted; over a few hundred thousand rows that,
   * and the heap trimming it causes, costs a minute instead of seconds.
   * Checks are off while writing (the transaction holds the connection,
   * so nobody else is affected) and the whole result is checked once
   * before it is committed, so every constraint holds just the same. */
  d = demo_new (db, n_witnesses, seed, cancellable);
  written = _ws_database_exec (db, "PRAGMA ignore_check_constraints = ON", &d->error) && write_unit (d);
  for (guint i = 0; i < N_QUERIES; i++)
    g_clear_pointer (&d->stmts[i], sqlite3_finalize);
  if (!_ws_database_exec (db, "PRAGMA ignore_check_constraints = OFF", written ? &d->error : NULL))
    written = FALSE;
  written = written && verify (d);
  if (!written)
    {
      _ws_database_rollback (db);
      if (d->error == NULL)
        g_set_error_literal (&d->error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_FAILED,
                             _("The demonstration unit could not be written"));
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }
  return _ws_database_commit (db, error);
}

/**
 * ws_demo_fill:
 * @db: an empty database
 * @n_witnesses: how many witnesses; %WS_DEMO_WITNESSES for the usual unit
 * @seed: the same seed always gives the same unit
 *
 * Fills @db with a made-up but realistic unit: witnesses with identities
 * in several scripts, cases at every stage, hearings in the coming weeks,
 * court rooms and remote sites in several time zones, interpreters,
 * video-link sessions, support plans and protective measures. Cases and
 * everything else grow with @n_witnesses. A database that holds any
 * record is refused and left unchanged; so is any failure half-way.
 * The current role must be allowed to write identity. Views are not told:
 * call ws_database_emit_changed() afterwards on the main thread.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
ws_demo_fill (WsDatabase  *db,
              guint        n_witnesses,
              guint32      seed,
              GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n_witnesses > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return fill (db, n_witnesses, seed, NULL, error);
}

static void
fill_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (fill (source, GPOINTER_TO_UINT (task_data), WS_DEMO_SEED, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ws_demo_fill_async:
 * @n_witnesses: how many witnesses; %WS_DEMO_WITNESSES for the usual unit
 *
 * Like ws_demo_fill() with %WS_DEMO_SEED, on a worker thread. Cancelling
 * leaves the database empty.
 */
void
ws_demo_fill_async (WsDatabase          *db,
                    guint                n_witnesses,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (n_witnesses > 0);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, ws_demo_fill_async);
  /* Once committed, the unit is there: report what happened, not the cancel. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, GUINT_TO_POINTER (n_witnesses), NULL);
  g_task_run_in_thread (task, fill_thread);
}

/**
 * ws_demo_fill_finish:
 *
 * Finishes ws_demo_fill_async() and, on success, emits
 * #WsDatabase::changed so views reload.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
ws_demo_fill_finish (WsDatabase    *db,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  ws_database_emit_changed (db);
  return TRUE;
}

static const WsDemoProfile demo_profiles[] = {
  { "admin", WS_ROLE_ADMINISTRATOR, "admin-demo" },
  { "officer", WS_ROLE_OFFICER, "officer-demo" },
  { "prosecutor", WS_ROLE_PROSECUTOR, "prosecutor-demo" },
  { "interpreter", WS_ROLE_INTERPRETER, "interpreter-demo" },
};

/**
 * ws_demo_get_profiles:
 *
 * Returns: (array length=n_profiles): the demonstration profiles, the
 *   administrator first
 */
const WsDemoProfile *
ws_demo_get_profiles (guint *n_profiles)
{
  g_return_val_if_fail (n_profiles != NULL, NULL);
  *n_profiles = G_N_ELEMENTS (demo_profiles);
  return demo_profiles;
}

/**
 * ws_demo_create_profiles:
 *
 * Gives a database without profiles one per role (see
 * ws_demo_get_profiles()). Creating the administrator encrypts identity
 * and leaves the database unlocked as the administrator. The interpreter
 * profile is linked to the first interpreter, so it has sessions of its
 * own to see.
 */
gboolean
ws_demo_create_profiles (WsDatabase  *db,
                         GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (demo_profiles); i++)
    if (!ws_database_create_profile (db, demo_profiles[i].name, demo_profiles[i].role,
                                     demo_profiles[i].passphrase, error))
      return FALSE;
  _ws_database_lock (db);
  ok = _ws_database_exec (db, "UPDATE interpreter SET profile_id = (SELECT id FROM user_profile"
                              " WHERE name = 'interpreter') WHERE id = (SELECT min(id) FROM interpreter)", error);
  _ws_database_unlock (db);
  return ok;
}
