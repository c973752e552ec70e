/**
 * The taxonomies of work with children and young people in care, from seeds/003 (a Bulgarian
 * NGO for children in a disadvantaged position under institutional or foster care): needs
 * analyses, individual and group training (also for the staff of specialised institutions),
 * career guidance and job-search support, and the volunteers and interns who help. Labels in
 * English, Czech, Lithuanian and Bulgarian.
 *
 * @since 0.1.0
 */
import { Labels, type LocationKind } from "@pomoc/core"

/**
 * What the organisation's workers and volunteers do with a child or young person.
 *
 * @since 0.1.0
 * @category models
 */
export const interventions = {
  "needs-analysis": Labels.of(
    "Needs analysis (intellectual, social, psychological, career prospects)",
    "Analýza potřeb (intelektuálních, sociálních, psychologických, profesních vyhlídek)",
    "Poreikių analizė (intelektiniai, socialiniai, psichologiniai poreikiai, profesinės perspektyvos)",
    "Анализ на потребностите (интелектуални, социални, психологически, възможности за реализация)"
  ),
  "individual-training": Labels.of(
    "Individual training",
    "Individuální vzdělávání",
    "Individualus mokymas",
    "Индивидуално обучение"
  ),
  "group-training": Labels.of("Group training", "Skupinové vzdělávání", "Grupinis mokymas", "Групово обучение"),
  "career-guidance": Labels.of(
    "Career guidance",
    "Kariérové poradenství",
    "Profesinis orientavimas",
    "Кариерно ориентиране"
  ),
  "job-search-support": Labels.of(
    "Support in job search",
    "Podpora při hledání práce",
    "Pagalba ieškant darbo",
    "Помощ при търсене на работа"
  ),
  "career-change-support": Labels.of(
    "Support in a career change",
    "Podpora při změně profesní dráhy",
    "Pagalba keičiant profesinę kryptį",
    "Подкрепа при промяна в кариерното развитие"
  ),
  "psychological-support": Labels.of(
    "Psychological support",
    "Psychologická podpora",
    "Psichologinė pagalba",
    "Психологическа подкрепа"
  ),
  "social-skills": Labels.of(
    "Social skills development",
    "Rozvoj sociálních dovedností",
    "Socialinių įgūdžių ugdymas",
    "Развиване на социални умения"
  ),
  mentoring: Labels.of(
    "Mentoring by a volunteer",
    "Mentoring dobrovolníkem",
    "Savanorio mentorystė",
    "Менторство от доброволец"
  ),
  "mediation-with-employers-and-schools": Labels.of(
    "Mediation with employers and schools",
    "Zprostředkování kontaktu se zaměstnavateli a školami",
    "Tarpininkavimas su darbdaviais ir mokyklomis",
    "Посредничество с работодатели и училища"
  )
}

/**
 * An intervention code of work with children in care.
 *
 * @since 0.1.0
 * @category models
 */
export type Intervention = keyof typeof interventions

/**
 * How a contact happens.
 *
 * @since 0.1.0
 * @category models
 */
export const channels = {
  "in-person": Labels.of("In person", "Osobně", "Asmeniškai", "Лично"),
  phone: Labels.of("Phone", "Telefonicky", "Telefonu", "По телефона"),
  online: Labels.of("Online", "Online", "Internetu", "Онлайн"),
  "through-care-staff": Labels.of(
    "Through the care staff",
    "Prostřednictvím pracovníků zařízení",
    "Per globos įstaigos darbuotojus",
    "Чрез персонала на институцията"
  )
}

/**
 * How a child or young person first came to the organisation.
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactChannels = {
  "care-institution-visit": Labels.of(
    "A visit to the care institution",
    "Návštěva pobytového zařízení",
    "Apsilankymas globos įstaigoje",
    "Посещение в специализираната институция"
  ),
  "child-protection-referral": Labels.of(
    "Referral by the child protection department",
    "Doporučení orgánu sociálně-právní ochrany dětí",
    "Vaiko teisių apsaugos tarnybos nukreipimas",
    "Насочване от отдел „Закрила на детето“"
  ),
  "foster-carer-referral": Labels.of(
    "Referral by a foster carer",
    "Doporučení pěstouna",
    "Globėjo nukreipimas",
    "Насочване от приемен родител"
  ),
  "partner-organisation": Labels.of(
    "A partner organisation",
    "Partnerská organizace",
    "Partnerė organizacija",
    "Партньорска организация"
  ),
  "project-event": Labels.of("A project event", "Akce projektu", "Projekto renginys", "Събитие по проект"),
  "self-referral": Labels.of(
    "Got in touch themselves",
    "Ozval(a) se sám/sama",
    "Kreipėsi pats (pati)",
    "Свързал(а) се е сам(а)"
  )
}

/**
 * The kinds of place where the work happens (a subset of the core's location kinds).
 *
 * @since 0.1.0
 * @category models
 */
export const locationKinds = {
  "care-institution": Labels.of(
    "Specialised institution or residential care service",
    "Pobytové zařízení pro děti",
    "Vaikų globos įstaiga",
    "Специализирана институция или резидентна услуга"
  ),
  office: Labels.of(
    "Office of the organisation",
    "Kancelář organizace",
    "Organizacijos biuras",
    "Офис на организацията"
  ),
  school: Labels.of("School", "Škola", "Mokykla", "Училище"),
  "event-venue": Labels.of("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието"),
  "online-platform": Labels.of("Online platform", "Online platforma", "Internetinė platforma", "Онлайн платформа")
} satisfies Partial<Record<LocationKind, Labels>>

/**
 * The domains of a needs analysis ("интелектуални и социални потребности и интереси,
 * психологически проблеми, възможности за бъдеща житейска и професионална реализация").
 *
 * @since 0.1.0
 * @category models
 */
export const needs = {
  intellectual: Labels.of(
    "Intellectual needs and interests",
    "Intelektuální potřeby a zájmy",
    "Intelektiniai poreikiai ir interesai",
    "Интелектуални потребности и интереси"
  ),
  social: Labels.of(
    "Social needs and interests",
    "Sociální potřeby a zájmy",
    "Socialiniai poreikiai ir interesai",
    "Социални потребности и интереси"
  ),
  psychological: Labels.of(
    "Psychological difficulties",
    "Psychické obtíže",
    "Psichologiniai sunkumai",
    "Психологически проблеми"
  ),
  "career-prospects": Labels.of(
    "Prospects for life and work",
    "Vyhlídky na životní a profesní uplatnění",
    "Gyvenimo ir profesinės perspektyvos",
    "Възможности за житейска и професионална реализация"
  ),
  "education-support": Labels.of(
    "Support in education",
    "Podpora ve vzdělávání",
    "Pagalba mokantis",
    "Подкрепа в образованието"
  ),
  "independent-living": Labels.of(
    "Preparation for independent living",
    "Příprava na samostatný život",
    "Pasirengimas savarankiškam gyvenimui",
    "Подготовка за самостоятелен живот"
  )
}

/**
 * The topics of the organisation's group activities. `care-staff-training` is a training for
 * the staff of specialised institutions: record it with `forExternalStaff: true` and audience
 * `staff`.
 *
 * @since 0.1.0
 * @category models
 */
export const activityTopics = {
  "group-training": Labels.of(
    "Group training programme for children and young people",
    "Skupinový vzdělávací program pro děti a mladé lidi",
    "Grupinio mokymo programa vaikams ir jaunimui",
    "Групова програма за обучение на деца и младежи"
  ),
  "care-staff-training": Labels.of(
    "Training for the staff of specialised institutions",
    "Vzdělávání pracovníků pobytových zařízení",
    "Mokymai globos įstaigų darbuotojams",
    "Обучение на персонала в специализираните институции"
  ),
  "career-guidance-workshop": Labels.of(
    "Career guidance workshop",
    "Workshop kariérového poradenství",
    "Profesinio orientavimo dirbtuvės",
    "Работилница за кариерно ориентиране"
  ),
  "employer-meeting": Labels.of(
    "Meeting with employers or a job fair",
    "Setkání se zaměstnavateli nebo veletrh práce",
    "Susitikimas su darbdaviais ar karjeros mugė",
    "Среща с работодатели или трудова борса"
  ),
  "volunteer-induction": Labels.of(
    "Induction of volunteers and interns",
    "Zaškolení dobrovolníků a stážistů",
    "Savanorių ir praktikantų įvadas",
    "Въвеждащо обучение на доброволци и стажанти"
  )
}

/**
 * An activity topic code.
 *
 * @since 0.1.0
 * @category models
 */
export type ActivityTopic = keyof typeof activityTopics

/**
 * The care settings a person's situation may name (`person.situation.careSetting`):
 * institutional care, foster care, kinship care, or a young person who has left care.
 *
 * @since 0.1.0
 * @category models
 */
export const careSettings = {
  institutional: Labels.of(
    "Institutional or residential care",
    "Ústavní nebo pobytová péče",
    "Institucinė globa",
    "Институционална или резидентна грижа"
  ),
  foster: Labels.of("Foster care", "Pěstounská péče", "Globa šeimoje", "Приемна грижа"),
  kinship: Labels.of("Kinship care", "Péče příbuzných", "Giminių globa", "Отглеждане в семейство на роднини"),
  "care-leaver": Labels.of(
    "Young person who has left care",
    "Mladý člověk po odchodu z péče",
    "Globą palikęs jaunuolis",
    "Младеж, напуснал грижа"
  )
}

/**
 * A care setting code.
 *
 * @since 0.1.0
 * @category models
 */
export type CareSetting = keyof typeof careSettings
