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
import { Labels, type LocationKind } from "@pomoc/core"

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
  contact: Labels.of("Contact work", "Kontaktní práce", "Kontaktinis darbas", "Контактна работа"),
  "first-heard-of-service": Labels.of(
    "Had not known the service before",
    "Předtím o službě nevěděl(a)",
    "Anksčiau apie paslaugą nežinojo",
    "Преди това не е знаел(а) за услугата"
  ),
  information: Labels.of("Information", "Informační servis", "Informavimas", "Информиране"),
  conversation: Labels.of("Conversation", "Rozhovor", "Pokalbis", "Разговор"),
  counselling: Labels.of(
    "Basic social counselling",
    "Základní sociální poradenství",
    "Socialinis konsultavimas",
    "Основно социално консултиране"
  ),
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
  "social-therapy": Labels.of(
    "Social therapeutic activities",
    "Sociálně terapeutické činnosti",
    "Socialinė terapinė veikla",
    "Социално-терапевтични дейности"
  ),
  "assistance-with-rights": Labels.of(
    "Help with asserting rights, legitimate interests and personal affairs",
    "Pomoc při uplatňování práv, oprávněných zájmů a při obstarávání osobních záležitostí",
    "Pagalba ginant teises, teisėtus interesus ir tvarkant asmeninius reikalus",
    "Помощ при упражняване на права и законни интереси и при уреждане на лични дела"
  ),
  "work-with-family": Labels.of("Work with the family", "Práce s rodinou", "Darbas su šeima", "Работа със семейството"),
  "group-work": Labels.of("Group work", "Skupinová práce", "Grupinis darbas", "Групова работа"),
  "prevention-activity": Labels.of(
    "Prevention activity",
    "Preventivní aktivita",
    "Prevencinė veikla",
    "Превантивна дейност"
  ),
  "individual-planning": Labels.of(
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
  "in-person": Labels.of("In person", "Osobně", "Asmeniškai", "Лично"),
  "social-network": Labels.of("Social network", "Sociální sítě", "Socialiniai tinklai", "Социални мрежи"),
  email: Labels.of("E-mail", "E-mail", "El. paštas", "Имейл"),
  phone: Labels.of("Phone", "Telefonicky", "Telefonu", "По телефона"),
  "text-message": Labels.of("Text message", "Textová zpráva (SMS)", "Trumpoji žinutė", "Текстово съобщение"),
  "school-message-box": Labels.of(
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
  "school-streetwork": Labels.of(
    "Streetwork at a primary school (grades 6–9, lunch break)",
    "Streetwork na základní škole (6.–9. třída, polední pauza)",
    "Gatvės darbas pagrindinėje mokykloje (6–9 klasės, pietų pertrauka)",
    "Улична работа в основно училище (6.–9. клас, обедна почивка)"
  ),
  "shopping-centre-contact-point": Labels.of(
    "Permanent contact point in a shopping centre",
    "Stálé kontaktní místo v obchodním centru",
    "Nuolatinis kontaktinis punktas prekybos centre",
    "Постоянен контактен пункт в търговски център"
  ),
  "lan-party": Labels.of(
    "LAN party for gamers aged 11–16",
    "LAN party pro hráče a hráčky online her ve věku 11–16 let",
    "LAN vakarėlis 11–16 metų žaidėjams",
    "LAN парти за геймъри на възраст 11–16 години"
  ),
  "social-media-profile": Labels.of(
    "The service's profile on a social platform (e.g. TikTok)",
    "Profil služby na sociální síti (např. TikTok)",
    "Paslaugos paskyra socialinėje platformoje (pvz., „TikTok“)",
    "Профил на услугата в социална платформа (напр. TikTok)"
  ),
  "online-outreach": Labels.of(
    "Online outreach on social platforms",
    "Online terénní práce na sociálních sítích",
    "Darbas su jaunimu internete, socialinėse platformose",
    "Онлайн теренна работа в социалните платформи"
  ),
  "street-work": Labels.of("Street work", "Terénní práce na ulici", "Darbas gatvėje", "Улична работа"),
  other: Labels.of("Another way", "Jiný způsob", "Kitas būdas", "Друг начин")
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
  "street-area": Labels.of(
    "Street, park or square",
    "Ulice, park nebo náměstí",
    "Gatvė, parkas ar aikštė",
    "Улица, парк или площад"
  ),
  school: Labels.of("School grounds", "Areál školy", "Mokyklos teritorija", "Двор на училището"),
  "shopping-centre": Labels.of("Shopping centre", "Obchodní centrum", "Prekybos centras", "Търговски център"),
  "event-venue": Labels.of("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието"),
  "online-platform": Labels.of("Online platform", "Online platforma", "Internetinė platforma", "Онлайн платформа")
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
  "school-difficulties": Labels.of(
    "Difficulties at school",
    "Obtíže ve škole",
    "Sunkumai mokykloje",
    "Трудности в училище"
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
  bullying: Labels.of(
    "Bullying or cyberbullying",
    "Šikana nebo kyberšikana",
    "Patyčios ar patyčios elektroninėje erdvėje",
    "Тормоз или кибертормоз"
  ),
  "mental-wellbeing": Labels.of("Mental well-being", "Psychická pohoda", "Psichikos sveikata", "Психично благополучие"),
  "substance-use": Labels.of(
    "Alcohol, drugs or other substances",
    "Alkohol, drogy a jiné návykové látky",
    "Alkoholis, narkotikai ar kitos medžiagos",
    "Алкохол, наркотици или други вещества"
  ),
  "online-risks": Labels.of(
    "Risks of the online world (gaming, sharing, contacts)",
    "Rizika online světa (hraní, sdílení, kontakty)",
    "Interneto rizika (žaidimai, dalijimasis, pažintys)",
    "Рискове в онлайн света (игри, споделяне, контакти)"
  ),
  "leisure-time": Labels.of("Leisure time", "Volný čas", "Laisvalaikis", "Свободно време"),
  "money-and-work": Labels.of("Money and work", "Peníze a práce", "Pinigai ir darbas", "Пари и работа")
}

/**
 * The topics of the group activities of street work.
 *
 * @since 0.1.0
 * @category models
 */
export const activityTopics = {
  "lan-party": Labels.of("LAN party", "LAN party", "LAN vakarėlis", "LAN парти"),
  "school-streetwork-session": Labels.of(
    "Streetwork session at a school",
    "Streetwork v areálu školy",
    "Gatvės darbo užsiėmimas mokykloje",
    "Сесия на улична работа в училище"
  ),
  "contact-point-hours": Labels.of(
    "Opening hours of the contact point",
    "Provozní doba kontaktního místa",
    "Kontaktinio punkto darbo valandos",
    "Работно време на контактния пункт"
  ),
  "prevention-video": Labels.of(
    "Short prevention video on a social platform",
    "Krátké preventivní video na sociální síti",
    "Trumpas prevencinis vaizdo įrašas socialinėje platformoje",
    "Кратко превантивно видео в социална платформа"
  ),
  "risk-mapping": Labels.of(
    "Mapping of risk phenomena among youth",
    "Mapování rizikových jevů u mládeže",
    "Jaunimo rizikos reiškinių tyrimas",
    "Проучване на рисковите явления сред младежите"
  )
}
