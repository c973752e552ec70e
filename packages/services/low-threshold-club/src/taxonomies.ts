/**
 * The taxonomies of a low-threshold club for children and youth (Czech "nízkoprahové zařízení
 * pro děti a mládež", Act 108/2006 §62): what workers do in a contact, through which channel,
 * how young people first found the club, where the work happens, the needs a young person may
 * bring and the topics of group activities. Labels in English, Czech, Lithuanian and Bulgarian.
 *
 * @since 0.1.0
 */
import { labelsOf } from "@pomoc/core"
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
  contact: labelsOf("Contact work", "Kontaktní práce", "Kontaktinis darbas", "Контактна работа"),
  information: labelsOf("Information", "Informační servis", "Informavimas", "Информиране"),
  conversation: labelsOf("Conversation", "Rozhovor", "Pokalbis", "Разговор"),
  counselling: labelsOf("Counselling", "Poradenství", "Konsultavimas", "Консултиране"),
  "crisis-intervention": labelsOf(
    "Crisis intervention",
    "Krizová intervence",
    "Krizių intervencija",
    "Кризисна интервенция"
  ),
  accompaniment: labelsOf("Accompaniment", "Doprovod", "Palydėjimas", "Придружаване"),
  "mediation-of-contact": labelsOf(
    "Mediation of contact with the social environment",
    "Zprostředkování kontaktu se společenským prostředím",
    "Tarpininkavimas palaikant ryšį su socialine aplinka",
    "Посредничество за контакт със социалната среда"
  ),
  "work-with-family": labelsOf("Work with the family", "Práce s rodinou", "Darbas su šeima", "Работа със семейството"),
  "group-work": labelsOf("Group work", "Skupinová práce", "Grupinis darbas", "Групова работа"),
  "leisure-activity": labelsOf(
    "Leisure activity",
    "Volnočasová aktivita",
    "Laisvalaikio veikla",
    "Дейност за свободното време"
  ),
  "prevention-programme": labelsOf(
    "Prevention programme",
    "Preventivní program",
    "Prevencinė programa",
    "Превантивна програма"
  ),
  "individual-planning": labelsOf(
    "Individual planning",
    "Individuální plánování",
    "Individualus planavimas",
    "Индивидуално планиране"
  ),
  "school-and-work-support": labelsOf(
    "Support in education and work",
    "Podpora ve vzdělávání a pracovním uplatnění",
    "Pagalba mokantis ir ieškant darbo",
    "Подкрепа в образованието и професионалната реализация"
  ),
  "assistance-with-rights": labelsOf(
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
  "in-person": labelsOf("In person", "Osobně", "Asmeniškai", "Лично"),
  phone: labelsOf("Phone", "Telefonicky", "Telefonu", "По телефона"),
  "text-message": labelsOf("Text message", "Textová zpráva (SMS)", "Trumpoji žinutė", "Текстово съобщение"),
  "e-mail": labelsOf("E-mail", "E-mail", "El. paštas", "Имейл"),
  "social-network": labelsOf("Social network", "Sociální síť", "Socialinis tinklas", "Социална мрежа")
}

/**
 * How a young person first came to the club, so that the effect of each way in can be measured.
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactChannels: Plugin.Taxonomy<FirstContactChannel> = {
  "walk-in": labelsOf("Came on their own", "Samostatný příchod", "Atėjo savarankiškai", "Дошли сами"),
  friends: labelsOf("Through friends", "Přes kamarády", "Per draugus", "Чрез приятели"),
  outreach: labelsOf(
    "Outreach by club workers",
    "Terénní práce pracovníků klubu",
    "Klubo darbuotojų darbas gatvėje",
    "Теренна работа на служителите на клуба"
  ),
  "school-programme": labelsOf("Programme at school", "Program ve škole", "Programa mokykloje", "Програма в училище"),
  "social-network": labelsOf("Social network", "Sociální síť", "Socialinis tinklas", "Социална мрежа"),
  "referral-from-service": labelsOf(
    "Referred by another service",
    "Doporučení jiné služby",
    "Nukreipė kita tarnyba",
    "Насочени от друга услуга"
  ),
  family: labelsOf("Through the family", "Přes rodinu", "Per šeimą", "Чрез семейството"),
  "public-event": labelsOf("Public event", "Veřejná akce", "Viešas renginys", "Публично събитие")
}

/**
 * The kinds of place where a club works (the same codes as the core's location kinds).
 *
 * @since 0.1.0
 * @category models
 */
export const locationKinds: Plugin.Taxonomy<LocationKind> = {
  "club-premises": labelsOf("Club premises", "Prostory klubu", "Klubo patalpos", "Помещения на клуба"),
  "street-area": labelsOf(
    "Street, park or square",
    "Ulice, park nebo náměstí",
    "Gatvė, parkas ar aikštė",
    "Улица, парк или площад"
  ),
  school: labelsOf("School", "Škola", "Mokykla", "Училище"),
  "event-venue": labelsOf("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието"),
  "online-platform": labelsOf("Online platform", "Online platforma", "Internetinė platforma", "Онлайн платформа")
}

/**
 * Needs a young person may bring, recorded as the person expresses them (never inferred from a
 * group they belong to).
 *
 * @since 0.1.0
 * @category models
 */
export const needs: Plugin.Taxonomy<Need> = {
  school: labelsOf("School and learning", "Škola a učení", "Mokykla ir mokymasis", "Училище и учене"),
  work: labelsOf(
    "Work and job search",
    "Práce a hledání zaměstnání",
    "Darbas ir darbo paieška",
    "Работа и търсене на работа"
  ),
  "family-relationships": labelsOf(
    "Family relationships",
    "Vztahy v rodině",
    "Santykiai šeimoje",
    "Отношения в семейството"
  ),
  "peer-relationships": labelsOf(
    "Relationships with peers",
    "Vztahy s vrstevníky",
    "Santykiai su bendraamžiais",
    "Отношения с връстниците"
  ),
  "partnership-and-sexuality": labelsOf(
    "Partnership and sexuality",
    "Partnerské vztahy a sexualita",
    "Partnerystė ir lytiškumas",
    "Партньорски отношения и сексуалност"
  ),
  "addictive-substances": labelsOf(
    "Addictive substances",
    "Návykové látky",
    "Priklausomybę sukeliančios medžiagos",
    "Пристрастяващи вещества"
  ),
  "bullying-and-violence": labelsOf(
    "Bullying and violence",
    "Šikana a násilí",
    "Patyčios ir smurtas",
    "Тормоз и насилие"
  ),
  "mental-well-being": labelsOf(
    "Mental well-being",
    "Psychická pohoda",
    "Psichologinė gerovė",
    "Психично благополучие"
  ),
  "leisure-time": labelsOf("Leisure time", "Volný čas", "Laisvalaikis", "Свободно време"),
  "money-and-debts": labelsOf("Money and debts", "Peníze a dluhy", "Pinigai ir skolos", "Пари и дългове"),
  housing: labelsOf("Housing", "Bydlení", "Būstas", "Жилище"),
  "law-and-police": labelsOf("Law and the police", "Zákon a policie", "Įstatymai ir policija", "Закон и полиция")
}

/**
 * Topics of the club's group activities.
 *
 * @since 0.1.0
 * @category models
 */
export const activityTopics: Plugin.Taxonomy<ActivityTopic> = {
  sport: labelsOf("Sport", "Sport", "Sportas", "Спорт"),
  music: labelsOf("Music", "Hudba", "Muzika", "Музика"),
  "art-and-crafts": labelsOf(
    "Art and crafts",
    "Výtvarné a rukodělné činnosti",
    "Dailė ir rankdarbiai",
    "Изкуство и занаяти"
  ),
  games: labelsOf("Games", "Hry", "Žaidimai", "Игри"),
  cooking: labelsOf("Cooking", "Vaření", "Maisto gaminimas", "Готвене"),
  trip: labelsOf("Trip", "Výlet", "Išvyka", "Екскурзия"),
  "discussion-group": labelsOf("Discussion group", "Diskusní skupina", "Diskusijų grupė", "Дискусионна група"),
  "help-with-schoolwork": labelsOf(
    "Help with schoolwork",
    "Doučování a pomoc s přípravou do školy",
    "Pagalba ruošiant pamokas",
    "Помощ с домашните"
  ),
  "prevention-workshop": labelsOf(
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
