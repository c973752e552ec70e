/**
 * The taxonomies of a low-threshold club for children and youth (Czech "nízkoprahové zařízení
 * pro děti a mládež", Act 108/2006 §62): what workers do in a contact, through which channel,
 * how young people first found the club, where the work happens, the needs a young person may
 * bring and the topics of group activities. Labels in English, Czech, Lithuanian and Bulgarian.
 *
 * @since 0.1.0
 */
import { Labels } from "@pomoc/core"
import type { Plugin } from "@pomoc/core"

/**
 * What club workers do in a contact. The Czech terms are those of the seed and of Czech
 * social-services practice ("kontaktní práce", "krizová intervence", "doprovod",
 * "zprostředkování kontaktu se společenským prostředím", …).
 *
 * @since 0.1.0
 * @category models
 */
export const interventions: Plugin.Taxonomy<Intervention> = {
  contact: Labels.of("Contact work", "Kontaktní práce", "Kontaktinis darbas", "Контактна работа"),
  information: Labels.of("Information", "Informační servis", "Informavimas", "Информиране"),
  conversation: Labels.of("Conversation", "Rozhovor", "Pokalbis", "Разговор"),
  counselling: Labels.of("Counselling", "Poradenství", "Konsultavimas", "Консултиране"),
  "crisis-intervention": Labels.of(
    "Crisis intervention",
    "Krizová intervence",
    "Krizių intervencija",
    "Кризисна интервенция"
  ),
  accompaniment: Labels.of("Accompaniment", "Doprovod", "Palydėjimas", "Придружаване"),
  "mediation-of-contact": Labels.of(
    "Mediation of contact with the social environment",
    "Zprostředkování kontaktu se společenským prostředím",
    "Tarpininkavimas palaikant ryšį su socialine aplinka",
    "Посредничество за контакт със социалната среда"
  ),
  "work-with-family": Labels.of("Work with the family", "Práce s rodinou", "Darbas su šeima", "Работа със семейството"),
  "group-work": Labels.of("Group work", "Skupinová práce", "Grupinis darbas", "Групова работа"),
  "leisure-activity": Labels.of(
    "Leisure activity",
    "Volnočasová aktivita",
    "Laisvalaikio veikla",
    "Дейност за свободното време"
  ),
  "prevention-programme": Labels.of(
    "Prevention programme",
    "Preventivní program",
    "Prevencinė programa",
    "Превантивна програма"
  ),
  "individual-planning": Labels.of(
    "Individual planning",
    "Individuální plánování",
    "Individualus planavimas",
    "Индивидуално планиране"
  ),
  "school-and-work-support": Labels.of(
    "Support in education and work",
    "Podpora ve vzdělávání a pracovním uplatnění",
    "Pagalba mokantis ir ieškant darbo",
    "Подкрепа в образованието и професионалната реализация"
  ),
  "assistance-with-rights": Labels.of(
    "Help with asserting rights and legitimate interests",
    "Pomoc při uplatňování práv a oprávněných zájmů",
    "Pagalba ginant teises ir teisėtus interesus",
    "Помощ при упражняване на права и законни интереси"
  )
}

/**
 * How a contact happens.
 *
 * @since 0.1.0
 * @category models
 */
export const channels: Plugin.Taxonomy<Channel> = {
  "in-person": Labels.of("In person", "Osobně", "Asmeniškai", "Лично"),
  phone: Labels.of("Phone", "Telefonicky", "Telefonu", "По телефона"),
  "text-message": Labels.of("Text message", "Textová zpráva (SMS)", "Trumpoji žinutė", "Текстово съобщение"),
  "e-mail": Labels.of("E-mail", "E-mail", "El. paštas", "Имейл"),
  "social-network": Labels.of("Social network", "Sociální síť", "Socialinis tinklas", "Социална мрежа")
}

/**
 * How a young person first came to the club, so that the effect of each way in can be measured.
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactChannels: Plugin.Taxonomy<FirstContactChannel> = {
  "walk-in": Labels.of("Came on their own", "Samostatný příchod", "Atėjo savarankiškai", "Дошли сами"),
  friends: Labels.of("Through friends", "Přes kamarády", "Per draugus", "Чрез приятели"),
  outreach: Labels.of(
    "Outreach by club workers",
    "Terénní práce pracovníků klubu",
    "Klubo darbuotojų darbas gatvėje",
    "Теренна работа на служителите на клуба"
  ),
  "school-programme": Labels.of("Programme at school", "Program ve škole", "Programa mokykloje", "Програма в училище"),
  "social-network": Labels.of("Social network", "Sociální síť", "Socialinis tinklas", "Социална мрежа"),
  "referral-from-service": Labels.of(
    "Referred by another service",
    "Doporučení jiné služby",
    "Nukreipė kita tarnyba",
    "Насочени от друга услуга"
  ),
  family: Labels.of("Through the family", "Přes rodinu", "Per šeimą", "Чрез семейството"),
  "public-event": Labels.of("Public event", "Veřejná akce", "Viešas renginys", "Публично събитие")
}

/**
 * The kinds of place where a club works (the same codes as the core's location kinds).
 *
 * @since 0.1.0
 * @category models
 */
export const locationKinds: Plugin.Taxonomy<LocationKind> = {
  "club-premises": Labels.of("Club premises", "Prostory klubu", "Klubo patalpos", "Помещения на клуба"),
  "street-area": Labels.of(
    "Street, park or square",
    "Ulice, park nebo náměstí",
    "Gatvė, parkas ar aikštė",
    "Улица, парк или площад"
  ),
  school: Labels.of("School", "Škola", "Mokykla", "Училище"),
  "event-venue": Labels.of("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието"),
  "online-platform": Labels.of("Online platform", "Online platforma", "Internetinė platforma", "Онлайн платформа")
}

/**
 * Needs a young person may bring, recorded as the person expresses them (never inferred from a
 * group they belong to).
 *
 * @since 0.1.0
 * @category models
 */
export const needs: Plugin.Taxonomy<Need> = {
  school: Labels.of("School and learning", "Škola a učení", "Mokykla ir mokymasis", "Училище и учене"),
  work: Labels.of(
    "Work and job search",
    "Práce a hledání zaměstnání",
    "Darbas ir darbo paieška",
    "Работа и търсене на работа"
  ),
  "family-relationships": Labels.of(
    "Family relationships",
    "Vztahy v rodině",
    "Santykiai šeimoje",
    "Отношения в семейството"
  ),
  "peer-relationships": Labels.of(
    "Relationships with peers",
    "Vztahy s vrstevníky",
    "Santykiai su bendraamžiais",
    "Отношения с връстниците"
  ),
  "partnership-and-sexuality": Labels.of(
    "Partnership and sexuality",
    "Partnerské vztahy a sexualita",
    "Partnerystė ir lytiškumas",
    "Партньорски отношения и сексуалност"
  ),
  "addictive-substances": Labels.of(
    "Addictive substances",
    "Návykové látky",
    "Priklausomybę sukeliančios medžiagos",
    "Пристрастяващи вещества"
  ),
  "bullying-and-violence": Labels.of(
    "Bullying and violence",
    "Šikana a násilí",
    "Patyčios ir smurtas",
    "Тормоз и насилие"
  ),
  "mental-well-being": Labels.of(
    "Mental well-being",
    "Psychická pohoda",
    "Psichologinė gerovė",
    "Психично благополучие"
  ),
  "leisure-time": Labels.of("Leisure time", "Volný čas", "Laisvalaikis", "Свободно време"),
  "money-and-debts": Labels.of("Money and debts", "Peníze a dluhy", "Pinigai ir skolos", "Пари и дългове"),
  housing: Labels.of("Housing", "Bydlení", "Būstas", "Жилище"),
  "law-and-police": Labels.of("Law and the police", "Zákon a policie", "Įstatymai ir policija", "Закон и полиция")
}

/**
 * Topics of the club's group activities.
 *
 * @since 0.1.0
 * @category models
 */
export const activityTopics: Plugin.Taxonomy<ActivityTopic> = {
  sport: Labels.of("Sport", "Sport", "Sportas", "Спорт"),
  music: Labels.of("Music", "Hudba", "Muzika", "Музика"),
  "art-and-crafts": Labels.of(
    "Art and crafts",
    "Výtvarné a rukodělné činnosti",
    "Dailė ir rankdarbiai",
    "Изкуство и занаяти"
  ),
  games: Labels.of("Games", "Hry", "Žaidimai", "Игри"),
  cooking: Labels.of("Cooking", "Vaření", "Maisto gaminimas", "Готвене"),
  trip: Labels.of("Trip", "Výlet", "Išvyka", "Екскурзия"),
  "discussion-group": Labels.of("Discussion group", "Diskusní skupina", "Diskusijų grupė", "Дискусионна група"),
  "help-with-schoolwork": Labels.of(
    "Help with schoolwork",
    "Doučování a pomoc s přípravou do školy",
    "Pagalba ruošiant pamokas",
    "Помощ с домашните"
  ),
  "prevention-workshop": Labels.of(
    "Prevention workshop",
    "Preventivní beseda",
    "Prevencinis užsiėmimas",
    "Превантивна беседа"
  )
}

/**
 * An intervention code of the low-threshold club.
 *
 * @since 0.1.0
 * @category models
 */
export type Intervention =
  | "contact"
  | "information"
  | "conversation"
  | "counselling"
  | "crisis-intervention"
  | "accompaniment"
  | "mediation-of-contact"
  | "work-with-family"
  | "group-work"
  | "leisure-activity"
  | "prevention-programme"
  | "individual-planning"
  | "school-and-work-support"
  | "assistance-with-rights"

/**
 * A contact channel code of the club.
 *
 * @since 0.1.0
 * @category models
 */
export type Channel = "in-person" | "phone" | "text-message" | "e-mail" | "social-network"

/**
 * A first-contact channel code of the club.
 *
 * @since 0.1.0
 * @category models
 */
export type FirstContactChannel =
  | "walk-in"
  | "friends"
  | "outreach"
  | "school-programme"
  | "social-network"
  | "referral-from-service"
  | "family"
  | "public-event"

/**
 * A location kind code of the club.
 *
 * @since 0.1.0
 * @category models
 */
export type LocationKind = "club-premises" | "street-area" | "school" | "event-venue" | "online-platform"

/**
 * A need code of the club.
 *
 * @since 0.1.0
 * @category models
 */
export type Need =
  | "school"
  | "work"
  | "family-relationships"
  | "peer-relationships"
  | "partnership-and-sexuality"
  | "addictive-substances"
  | "bullying-and-violence"
  | "mental-well-being"
  | "leisure-time"
  | "money-and-debts"
  | "housing"
  | "law-and-police"

/**
 * An activity topic code of the club.
 *
 * @since 0.1.0
 * @category models
 */
export type ActivityTopic =
  | "sport"
  | "music"
  | "art-and-crafts"
  | "games"
  | "cooking"
  | "trip"
  | "discussion-group"
  | "help-with-schoolwork"
  | "prevention-workshop"

/**
 * The taxonomies of the club, with their codes as literal types.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClubTaxonomies extends Plugin.Taxonomies {
  /** What club workers do in a contact. */
  readonly interventions: Plugin.Taxonomy<Intervention>
  /** How a contact happens. */
  readonly channels: Plugin.Taxonomy<Channel>
  /** How a young person first came to the club. */
  readonly firstContactChannels: Plugin.Taxonomy<FirstContactChannel>
  /** Where the club works. */
  readonly locationKinds: Plugin.Taxonomy<LocationKind>
  /** Needs a young person may bring. */
  readonly needs: Plugin.Taxonomy<Need>
  /** Topics of group activities. */
  readonly activityTopics: Plugin.Taxonomy<ActivityTopic>
}

/**
 * Every taxonomy of the club.
 *
 * @since 0.1.0
 * @category models
 */
export const taxonomies: ClubTaxonomies = {
  interventions,
  channels,
  firstContactChannels,
  locationKinds,
  needs,
  activityTopics
}
