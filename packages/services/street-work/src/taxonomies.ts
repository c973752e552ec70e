/**
 * The taxonomies of street work and outreach (Czech "terénní programy", Act 108/2006 §69), from
 * seeds/004 ("Terénní práce jinak"): what workers do in a contact, the channels through which
 * young people reach them afterwards (in person, social networks, e-mail, phone, a message box
 * at school), the first-contact channels the seed describes (streetwork at primary schools, a
 * permanent contact point in a shopping centre, LAN parties, online work on social platforms
 * such as TikTok, plus ordinary street work), the places, needs and activity topics. Labels in
 * English, Czech, Lithuanian and Bulgarian.
 *
 * @since 0.1.0
 */
import { labelsOf } from "@pomoc/core"
import type { Labels, LocationKind } from "@pomoc/core"

/**
 * What street workers do in a contact. The Czech terms are those of §69 and of Czech practice
 * ("kontaktní práce", "krizová intervence", "doprovod", "zprostředkování kontaktu se
 * společenským prostředím", …).
 *
 * `first-heard-of-service` is not work done but a fact about the people reached: put it on a
 * first contact whose participants had not known the service before, so that reports can count
 * them per first-contact channel (the contact record has no field of its own for it). When
 * only some of a group had not known the service, record two first contacts: one with the
 * code for those who had not, one without it for the others.
 *
 * @since 0.1.0
 * @category models
 */
export const interventions = {
  contact: labelsOf("Contact work", "Kontaktní práce", "Kontaktinis darbas", "Контактна работа"),
  "first-heard-of-service": labelsOf(
    "Had not known the service before",
    "Předtím o službě nevěděl(a)",
    "Anksčiau apie paslaugą nežinojo",
    "Преди това не е знаел(а) за услугата"
  ),
  information: labelsOf("Information", "Informační servis", "Informavimas", "Информиране"),
  conversation: labelsOf("Conversation", "Rozhovor", "Pokalbis", "Разговор"),
  counselling: labelsOf(
    "Basic social counselling",
    "Základní sociální poradenství",
    "Socialinis konsultavimas",
    "Основно социално консултиране"
  ),
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
  "social-therapy": labelsOf(
    "Social therapeutic activities",
    "Sociálně terapeutické činnosti",
    "Socialinė terapinė veikla",
    "Социално-терапевтични дейности"
  ),
  "assistance-with-rights": labelsOf(
    "Help with asserting rights, legitimate interests and personal affairs",
    "Pomoc při uplatňování práv, oprávněných zájmů a při obstarávání osobních záležitostí",
    "Pagalba ginant teises, teisėtus interesus ir tvarkant asmeninius reikalus",
    "Помощ при упражняване на права и законни интереси и при уреждане на лични дела"
  ),
  "work-with-family": labelsOf("Work with the family", "Práce s rodinou", "Darbas su šeima", "Работа със семейството"),
  "group-work": labelsOf("Group work", "Skupinová práce", "Grupinis darbas", "Групова работа"),
  "prevention-activity": labelsOf(
    "Prevention activity",
    "Preventivní aktivita",
    "Prevencinė veikla",
    "Превантивна дейност"
  ),
  "individual-planning": labelsOf(
    "Individual planning",
    "Individuální plánování",
    "Individualus planavimas",
    "Индивидуално планиране"
  )
}

/**
 * An intervention code of street work.
 *
 * @since 0.1.0
 * @category models
 */
export type Intervention = keyof typeof interventions

/**
 * How a contact happens, including the ways pupils reach the workers after a school visit
 * ("osobně, prostřednictvím sociálních sítí, emailu, telefonicky či vzkazem do schránky").
 *
 * @since 0.1.0
 * @category models
 */
export const channels = {
  "in-person": labelsOf("In person", "Osobně", "Asmeniškai", "Лично"),
  "social-network": labelsOf("Social network", "Sociální sítě", "Socialiniai tinklai", "Социални мрежи"),
  email: labelsOf("E-mail", "E-mail", "El. paštas", "Имейл"),
  phone: labelsOf("Phone", "Telefonicky", "Telefonu", "По телефона"),
  "text-message": labelsOf("Text message", "Textová zpráva (SMS)", "Trumpoji žinutė", "Текстово съобщение"),
  "school-message-box": labelsOf(
    "Message in the box at school",
    "Vzkaz do schránky ve škole",
    "Žinutė į dėžutę mokykloje",
    "Бележка в кутията в училището"
  )
}

/**
 * A contact channel code of street work.
 *
 * @since 0.1.0
 * @category models
 */
export type Channel = keyof typeof channels

/**
 * The ways of first contact of the seed ("způsoby prvokontaktu"). Each service or programme
 * chooses which of them it uses in a locality.
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactChannels = {
  "school-streetwork": labelsOf(
    "Streetwork at a primary school (grades 6–9, lunch break)",
    "Streetwork na základní škole (6.–9. třída, polední pauza)",
    "Gatvės darbas pagrindinėje mokykloje (6–9 klasės, pietų pertrauka)",
    "Улична работа в основно училище (6.–9. клас, обедна почивка)"
  ),
  "shopping-centre-contact-point": labelsOf(
    "Permanent contact point in a shopping centre",
    "Stálé kontaktní místo v obchodním centru",
    "Nuolatinis kontaktinis punktas prekybos centre",
    "Постоянен контактен пункт в търговски център"
  ),
  "lan-party": labelsOf(
    "LAN party for gamers aged 11–16",
    "LAN party pro hráče a hráčky online her ve věku 11–16 let",
    "LAN vakarėlis 11–16 metų žaidėjams",
    "LAN парти за геймъри на възраст 11–16 години"
  ),
  "social-media-profile": labelsOf(
    "The service's profile on a social platform (e.g. TikTok)",
    "Profil služby na sociální síti (např. TikTok)",
    "Paslaugos paskyra socialinėje platformoje (pvz., „TikTok“)",
    "Профил на услугата в социална платформа (напр. TikTok)"
  ),
  "online-outreach": labelsOf(
    "Online outreach on social platforms",
    "Online terénní práce na sociálních sítích",
    "Darbas su jaunimu internete, socialinėse platformose",
    "Онлайн теренна работа в социалните платформи"
  ),
  "street-work": labelsOf("Street work", "Terénní práce na ulici", "Darbas gatvėje", "Улична работа"),
  other: labelsOf("Another way", "Jiný způsob", "Kitas būdas", "Друг начин")
}

/**
 * A first-contact channel code of street work.
 *
 * @since 0.1.0
 * @category models
 */
export type FirstContactChannel = keyof typeof firstContactChannels

/**
 * The kinds of place where street workers meet people (a subset of the core's location kinds).
 *
 * @since 0.1.0
 * @category models
 */
export const locationKinds = {
  "street-area": labelsOf(
    "Street, park or square",
    "Ulice, park nebo náměstí",
    "Gatvė, parkas ar aikštė",
    "Улица, парк или площад"
  ),
  school: labelsOf("School grounds", "Areál školy", "Mokyklos teritorija", "Двор на училището"),
  "shopping-centre": labelsOf("Shopping centre", "Obchodní centrum", "Prekybos centras", "Търговски център"),
  "event-venue": labelsOf("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието"),
  "online-platform": labelsOf("Online platform", "Online platforma", "Internetinė platforma", "Онлайн платформа")
} satisfies Partial<Record<LocationKind, Labels>>

/**
 * The place a first-contact channel happens at, for the consistency warning of
 * `street-work/first-contact-place`.
 *
 * @since 0.1.0
 * @category models
 */
export const placeOfChannel: Readonly<Partial<Record<FirstContactChannel, LocationKind>>> = {
  "school-streetwork": "school",
  "shopping-centre-contact-point": "shopping-centre",
  "lan-party": "event-venue",
  "social-media-profile": "online-platform",
  "online-outreach": "online-platform",
  "street-work": "street-area"
}

/**
 * Needs a young person may bring, recorded as the person expresses them.
 *
 * @since 0.1.0
 * @category models
 */
export const needs = {
  "school-difficulties": labelsOf(
    "Difficulties at school",
    "Obtíže ve škole",
    "Sunkumai mokykloje",
    "Трудности в училище"
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
  bullying: labelsOf(
    "Bullying or cyberbullying",
    "Šikana nebo kyberšikana",
    "Patyčios ar patyčios elektroninėje erdvėje",
    "Тормоз или кибертормоз"
  ),
  "mental-wellbeing": labelsOf("Mental well-being", "Psychická pohoda", "Psichikos sveikata", "Психично благополучие"),
  "substance-use": labelsOf(
    "Alcohol, drugs or other substances",
    "Alkohol, drogy a jiné návykové látky",
    "Alkoholis, narkotikai ar kitos medžiagos",
    "Алкохол, наркотици или други вещества"
  ),
  "online-risks": labelsOf(
    "Risks of the online world (gaming, sharing, contacts)",
    "Rizika online světa (hraní, sdílení, kontakty)",
    "Interneto rizika (žaidimai, dalijimasis, pažintys)",
    "Рискове в онлайн света (игри, споделяне, контакти)"
  ),
  "leisure-time": labelsOf("Leisure time", "Volný čas", "Laisvalaikis", "Свободно време"),
  "money-and-work": labelsOf("Money and work", "Peníze a práce", "Pinigai ir darbas", "Пари и работа")
}

/**
 * The topics of the group activities of street work.
 *
 * @since 0.1.0
 * @category models
 */
export const activityTopics = {
  "lan-party": labelsOf("LAN party", "LAN party", "LAN vakarėlis", "LAN парти"),
  "school-streetwork-session": labelsOf(
    "Streetwork session at a school",
    "Streetwork v areálu školy",
    "Gatvės darbo užsiėmimas mokykloje",
    "Сесия на улична работа в училище"
  ),
  "contact-point-hours": labelsOf(
    "Opening hours of the contact point",
    "Provozní doba kontaktního místa",
    "Kontaktinio punkto darbo valandos",
    "Работно време на контактния пункт"
  ),
  "prevention-video": labelsOf(
    "Short prevention video on a social platform",
    "Krátké preventivní video na sociální síti",
    "Trumpas prevencinis vaizdo įrašas socialinėje platformoje",
    "Кратко превантивно видео в социална платформа"
  ),
  "risk-mapping": labelsOf(
    "Mapping of risk phenomena among youth",
    "Mapování rizikových jevů u mládeže",
    "Jaunimo rizikos reiškinių tyrimas",
    "Проучване на рисковите явления сред младежите"
  )
}
