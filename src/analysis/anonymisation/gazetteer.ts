/**
 * First names and surnames used in the UK across origins, written for this check (no external list).
 * Three kinds of first name, because an editor treats them differently:
 *  - FIRST_NAMES: a capitalised word here is a name wherever it stands ("Jayden", "Dariusz", "Aoife");
 *  - WORD_NAMES: also ordinary words ("Grace", "Hope", "Mark"): a name when capitalised mid-sentence or cued;
 *  - PROPER_NAMES: also months, places or titles ("May", "Jordan", "Chelsea"): a name only when cued.
 * Keys are folded (lower case, no accents); look up with `fold(word)`.
 */

/** Lower case without accents: "Siân" and "Sian" are looked up alike. */
export const fold = (word: string): string => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

const list = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean).map(fold));

export const WORD_NAMES = list(`
  Grace Hope Faith Joy Will Mark Frank Bill Dawn Chase Grant Drew Guy Miles Crystal Precious Patience
  Mercy Comfort Blessing Gift Favour Peace Promise Charity Honour Justice Unity Liberty Harmony Destiny
  Star Sky Storm River Rain Ocean Angel Hunter Mason Reed Carol Robin Sterling Sonny Lucky Penny Sandy
  Honey Cherry Kitty Rocky Chance Glen Dale Cliff Brook Wren Amber Summer Autumn Rose Rosemary Jasmine
  Pearl Ruby Holly Olive Violet Iris Hazel Heather Ivy Willow Daisy Poppy Lily Jade Coral Ebony Clover
  Fern Saffron Sage Sunny Rusty Buddy Happy Misty Bliss Serenity Trinity Ray Art Don Rich Lance
  Prudence Constance Patience Felicity Verity Temperance Goodluck Success Wisdom Godswill Nova Skye Haven
`);

export const PROPER_NAMES = list(`
  April May June August Jan Jordan Chelsea Devon Kent Lincoln Paris India Georgia Kenya Shannon Eden
  Milan Sydney Dallas Phoenix Chester Leigh Carlisle Stirling Clyde Iona Arran Harlow Lourdes Israel
  Adelaide Brooklyn London Asia Africa Jersey Christian Islam Iman Zion King Prince Princess Duke Earl
  Major Norman Jesus Dakota Camden Orlando Florida Carolina Virginia Winter Spring Hamilton
`);

export const FIRST_NAMES = list(`
  Aaron Adam Adrian Aidan Aiden Alan Albert Alex Alexander Alfie Alfred Alistair Andrew Andy Angus
  Anthony Archie Arthur Ashton Bailey Barry Ben Benjamin Bernard Billy Bobby Brandon Brian Brody Callum
  Calvin Cameron Carl Charles Charlie Chris Christopher Clive Colin Connor Conor Craig Damian Damien
  Daniel Danny Darren David Declan Dennis Derek Dexter Dominic Donald Dylan Eddie Edward Elijah Elliot
  Elliott Eric Ethan Evan Ezra Felix Finlay Finley Finn Francis Freddie Frederick Gareth Gary Gavin
  Geoffrey George Gerald Gordon Graham Gregory Harrison Harry Harvey Henry Howard Hugh Ian Isaac Jack
  Jackson Jacob Jake James Jamie Jason Jasper Jaxon Jay Jayden Jaden Kayden Jeffrey Jenson Jeremy Jerome
  Jesse Jim Jimmy Joe Joel Joey John Johnny Jon Jonathan Joseph Josh Joshua Jude Julian Justin Kai Keith
  Kenneth Kenny Kevin Kian Kieran Kyle Kyran Lee Lennon Lenny Leo Leon Leonard Lewis Liam Lloyd Logan
  Louie Louis Luca Lucas Luke Mackenzie Malcolm Marcus Martin Mathew Matthew Matt Max Maxwell Michael
  Mike Mitchell Morgan Nathan Nathaniel Neil Niall Nicholas Nick Nigel Noah Oliver Ollie Oscar Owen
  Patrick Paul Peter Philip Phillip Ralph Raymond Reece Reggie Reuben Rhys Richard Riley Robert Robbie
  Rob Roger Ronald Ronan Ronnie Rory Ross Roy Ruben Russell Ryan Sam Samuel Scott Sean Sebastian Shane
  Simon Stefan Stephen Steve Steven Stuart Terence Terry Theo Theodore Thomas Timothy Tobias Toby Tom
  Tommy Tony Travis Trevor Tristan Tyler Tyrone Vincent Warren Wayne Wesley William Zach Zachary Zak
  Kane Glenn Pat Sue Bob Victor Rex Kit Jo Harley Cody Kayne Darcy Austin Troy Stanley Florence

  Abigail Ada Adele Aimee Alice Alicia Alisha Alison Amanda Amelia Amy Andrea Angela Ann Anna Anne
  Annie Audrey Ava Barbara Beatrice Bella Beth Bethany Brenda Bridget Caitlin Carly Carole Caroline
  Catherine Chantelle Charlotte Chloe Christine Claire Clare Courtney Danielle Darcey Darcie Deborah
  Debbie Demi Denise Diane Donna Doreen Dorothy Edith Eileen Elaine Eleanor Elizabeth Ella Ellie Eloise
  Elsie Emily Emma Erin Esme Evelyn Evie Freya Gail Gemma Gillian Gladys Gwen Hannah Harper Harriet
  Helen Hilda Hollie Imogen Irene Isabel Isabella Isabelle Isla Jacqueline Jane Janet Janice Jean
  Jennifer Jenny Jessica Jill Joan Joanne Jodie Josephine Joyce Julia Julie Karen Kate Katherine Katie
  Kayla Kayleigh Keeley Kelly Kelsey Kerry Kim Kimberley Kirsty Lacey Laura Lauren Layla Leah Leanne
  Lesley Lexi Linda Lindsay Lisa Lola Lorraine Louise Lucy Lydia Lynne Mabel Maddison Madison Maisie
  Mandy Margaret Maria Marie Marion Marjorie Martha Mary Matilda Maureen Maya Megan Melissa Mia Michelle
  Millie Mollie Molly Muriel Nancy Naomi Natalie Natasha Nevaeh Nicola Nicole Norma Olivia Orla Paige
  Pamela Patricia Paula Pauline Penelope Peyton Phoebe Rachel Rebecca Rita Rosa Rosie Ruth Sadie Sally
  Samantha Sandra Sarah Scarlett Sheila Shelley Shirley Sienna Sophia Sophie Stacey Stella Stephanie
  Susan Suzanne Sylvia Tanya Teresa Thea Theresa Tilly Tracey Tracy Valerie Vanessa Vera Victoria Wendy
  Yvonne Zara Zoe Abbie Luna Aurora Ellie-Mae Lilly Ottilie Jodie Tia Tiana Tianna Kiera Ciara Shauna

  Agnes Betty Cecil Clifford Cyril Doris Edna Edwin Enid Ernest Ethel Freda Harold Herbert Horace Ida
  Joyce Kathleen Leslie Lilian Lillian Marjorie Maurice Mavis Mildred Nellie Peggy Percy Phyllis
  Reginald Sidney Thelma Walter Wilfred Winifred Beryl Hilary Gwendoline Eunice Ivor Stan Arnold

  Aoife Ciaran Niamh Siobhan Saoirse Sinead Roisin Grainne Caoimhe Eimear Aisling Cormac Darragh Eoin
  Fionn Oisin Padraig Seamus Sorcha Tadhg Cathal Donal Fergal Ruairi Eamon Eamonn Colm Brendan Dermot
  Deirdre Maeve Mairead Nuala Una Bridie Paddy Mikey Josie Winnie Biddy Ailsa Alasdair Catriona Eilidh
  Hamish Iain Kirsteen Lachlan Morag Mhairi Murdo Rhona Ruaridh Innes Euan Ewan Fiona Lorna Moira Shona
  Greig Ailish Keira Kieron

  Aled Alun Angharad Bethan Bronwen Carys Cerys Cai Dafydd Dai Delyth Dewi Eleri Elin Emrys Eira Ffion
  Gethin Glyn Gruffudd Gwenllian Gwyn Huw Ieuan Ifan Iolo Llinos Lowri Mared Meinir Nia Osian Rhian
  Rhiannon Rhodri Sion Sioned Tegan Tomos Aneurin Catrin Manon Mali Efa Elis Harri Jac Nerys Owain
  Seren Sian Teleri Wyn Iestyn Geraint Emlyn Idris Bryn Gwion Hywel Mabli Tirion

  Aarav Aditya Ajay Akash Amar Amit Anand Anil Anjali Arjun Arun Aryan Asha Ashok Baljit Balwinder
  Bhavna Deepak Dev Devi Dilip Dinesh Divya Diya Gita Gopal Gurdeep Gurpreet Harish Harjeet Harjit
  Harpreet Hema Hina Hitesh Indira Ishaan Jagdeep Jasbir Jaspreet Jaswinder Jayesh Jignesh Kamaljit
  Kavita Kavya Ketan Kiran Krishna Kuldip Lakshmi Mahesh Manish Manjit Manpreet Meena Meera Mohan
  Mukesh Nandini Naveen Navdeep Neha Nikhil Nilesh Nisha Parminder Pooja Pradeep Prakash Priya Rahul
  Raj Rajesh Rajinder Rakesh Ramesh Ranjit Ravi Rekha Reyansh Riya Rohan Rupinder Sandeep Sanjay
  Sanjeev Sarita Satnam Shanti Shobha Shreya Simran Sita Sukhjinder Sunil Sunita Suresh Tanvi Tejal
  Uma Usha Vihaan Vijay Vikram Vinod Yash Amandeep Anaya Minal Nayan Rina

  Aaliyah Abdi Abdul Abdullah Abdirahman Abdullahi Abid Adil Afia Afzal Ahmad Ahmed Aisha Ayesha Akbar
  Ali Alia Amina Aminah Amir Anisa Anwar Arif Asad Asif Asma Ayaan Ayan Aziz Bashir Bilal Fahad Faisal
  Farah Farhan Farida Fatima Fatma Fawad Habib Hafsa Hamza Hana Hanif Haris Hassan Hussain Hussein
  Ibrahim Ifrah Ilyas Imran Irfan Ismail Jamal Jamila Kamran Karim Khadija Khalid Leila Mahmood Mahmoud
  Majid Malik Mariam Maryam Mehmet Mohamed Mohammad Mohammed Muhammad Mustafa Nabil Nadia Nadeem Naeem
  Nasir Nasreen Naveed Nazia Noor Nur Omar Osman Rashid Raza Rehan Rizwan Rukhsana Sabrina Sadia Saeed
  Safia Sajid Salim Salma Sameer Samina Sana Sara Shabana Shahid Shazia Shakeel Sofia Sohail Sultan
  Sumaya Tahir Talha Tariq Umar Usman Wasim Yasmin Yasmeen Yousef Yusuf Zahid Zahra Zainab Zaid Zain
  Zakaria Zeeshan Zubair Zuleikha Faduma Hodan Hibo Ubah Abshir Liban Khadra Sagal Nimco Deeqa
  Fardowsa Hamdi Ismahan Ruqiya Muna Najma Abdiaziz Abdikarim Guled Mahad Shamsul Rahima Rokeya Rupa
  Shahana Shamima Sultana Jahanara Nazmul Rafiq Monir Jamil Anwara Forida Halima Momtaz Mahbub Rubina
  Shirin Tahmina Tasnim Arfan Humaira Iqra Aleena Alishba Eman Inaya Zoya Maha Laiba Mehwish Mariyam
  Samira Yara Rania Lina Dina Huda Reem Rami Ziad Walid Hadi Hamid Qasim Kareem Jibril Idrees Haroon
  Amal Yasin Yaseen Ayub Junaid Kashif Mubarak Nabila Rabia Saima Shaista Tahira Uzma Adnan Aamir

  Abimbola Adaeze Adebayo Adeola Adewale Afolabi Akua Akosua Ama Amara Babatunde Bisi Bola Chidi
  Chiamaka Chidinma Chinedu Chinonso Chioma Chukwuemeka Chinwe Dayo Ebere Efua Emeka Femi Folake Funmi
  Funmilayo Ifeoma Ikenna Jide Kemi Kehinde Taiwo Kofi Kwabena Kwaku Kwame Kwasi Kojo Nkechi Nnamdi
  Obinna Oluwaseun Olumide Seun Tolu Tunde Uche Yaw Yemi Ngozi Nneka Ifeanyi Tendai Tatenda Tinashe
  Farai Rudo Nyasha Kudzai Thandiwe Themba Sipho Zanele Lerato Thabo Mandla Tsion Selam Senait Yonas
  Yohannes Tesfaye Abel Dawit Meron Semhar Filmon Awet Biniam Luwam Saba Hagos Haile Amani Baraka
  Jabari Zawadi Wanjiru Wambui Njeri Achieng Akinyi Abena Yaa Adjoa Kwesi Esi Kobina Fiifi Kwadwo Ekow
  Dapo Gbenga Kunle Lanre Segun Sola Wale Yinka Bukola Damilola Temitope Titilayo Toyin Ayodele Ayo
  Tobi Tomi Chika Ebuka Kelechi Ugochi Nkem Onyeka Obioma Somto Moses

  Dwayne Delroy Desmond Errol Everton Leroy Marlon Neville Winston Tyreese Tyrese Jermaine Keisha
  Latoya Shanice Shaniqua Shantelle Jada Kiana Kadeem Dante Darnell Deshawn Devante Jamar Jahmal Kemar
  Rashawn Rhianna Rihanna Shakira Tamika Tanisha Tayla Dionne Denzel Malachi Isaiah Josiah Elisha
  Jeremiah Ezekiel Levi Micah Tevin Kevon Jaheim Jevon Keon Akeem Ashanti Imani Nyla Nyah Amari Zuri
  Kiara Tahlia Marcia Beverley Claudette Hyacinth Lorna Sonia Tyrell Kyron Jaylen Jaylon Kamari

  Agata Agnieszka Aleksander Aleksandra Andrzej Bartosz Beata Bogdan Dariusz Dawid Dominika Dorota Ewa
  Ewelina Filip Grzegorz Hanna Iwona Jakub Janusz Jerzy Joanna Justyna Kacper Kamil Karol Karolina
  Katarzyna Kinga Krzysztof Łukasz Lukasz Maciej Magdalena Małgorzata Malgorzata Marcin Marek Mariusz
  Marta Mateusz Michał Michal Monika Natalia Oliwia Patryk Paulina Paweł Pawel Piotr Przemysław
  Przemyslaw Rafał Rafal Sławomir Slawomir Szymon Tomasz Wiktoria Wojciech Zofia Zuzanna Zbigniew
  Tadeusz Stanisław Mirosław Halina Jolanta Renata Sylwia Urszula Żaneta Weronika Oskar Igor Antoni
  Franciszek Wiktor Ignacy Nikola Lena Maja Milena

  Alexandru Alina Andreea Catalin Cristian Cristina Daniela Denisa Florin Gabriel Gheorghe Ioana Ion
  Ionut Irina Larisa Liviu Loredana Madalina Marius Mihai Mihaela Nicoleta Ovidiu Petru Raluca Razvan
  Roxana Sorin Vasile Valentin Viorica Costel Florentina Elena Georgiana Iulia Anca Adina Corina Dorin
  Lucian Radu Sergiu Claudiu Ciprian Cosmin Dumitru Emil Ilie Constantin Florica Mirela

  Aurimas Darius Domantas Gintaras Jonas Lukas Mantas Rokas Tomas Vytautas Agne Egle Gintare Ieva
  Jurgita Kristina Rasa Ruta Vaida Jurgis Andris Janis Ilze Inese Liga Kristaps Martins Arturs Jozef
  Lubos Lucia Zuzana Martina Jana Veronika Dominik Matej Simona Klaudia Denis Roman Ondrej Radek Pavel
  Petra Tereza Vojtech Alexei Anastasia Andrei Anya Boris Dmitri Dmitry Ekaterina Galina Ivan Katya
  Ksenia Maxim Mikhail Nikolai Oksana Olga Olena Oleksandr Oleg Sasha Sergei Sergey Svetlana Tatiana
  Vladimir Viktor Yulia Yuri Dimitar Georgi Ivanka Petar Stoyan Valentina Ardit Arben Besnik Blerim
  Dritan Elira Erion Fatjon Gentian Kledi Ledion Rezarta Arta Besa Drita Endrit Flamur Romano Django

  Ahmet Ayse Aylin Burak Cem Deniz Elif Emine Emre Esra Fatih Hakan Huseyin Kemal Merve Murat Ozan
  Serkan Sibel Zeynep Hevin Rojin Dilan Azad Baran Berivan Rebin Soran Zana Arash Dariush Farzaneh
  Golnar Hamed Mahnaz Mehdi Mina Nasrin Parisa Reza Roya Shadi Sina Zohreh Farid Habiba Jawad Mahboob
  Nazir Rahim Samiullah Sayed Shafiq Wahid Zabihullah Zarghona Abdulrahman Hekmat

  Wei Ming Jun Hui Xin Ying Mei Xiao Anh Bao Duc Hanh Hieu Hoa Huong Khanh Linh Minh Ngoc Phuong Quang
  Thanh Thao Trang Tuan Tuyet Rowena Jocelyn Ligaya Marisol Maricel Rodel Reynaldo Angelica Kristine
  Janelle Rhea Mylene

  Alejandro Alba Ana Andres Antonio Beatriz Carlos Carmen Diego Francisco Gabriela Hugo Javier Jorge
  Jose Juan Luis Manuel Marco Mario Miguel Pablo Pedro Rafael Raul Sergio Joao Thiago Rafaela Tiago
  Goncalo Ines Filipa Bruno Paulo Fabio Leandro Giulia Giuseppe Giovanni Francesca Alessandro Alessia
  Chiara Lorenzo Matteo Paolo Stefano Federica Pierre Jacques Amelie Camille Mathilde Antoine Guillaume
  Lea Hans Klaus Jurgen Anja Katrin Heidi Ingrid Sven Lars Nils Erik Astrid Sigrid Elias Tyson Elvis

  Shaun Hayley Charlene Robyn Lottie Margot Bonnie Hallie Eliza Arabella Emilia Mila Aria Delilah Ayla
  Elodie Clara Lyla Albie Arlo Otis Frankie Teddy Hudson Tremaine Reon Kaiden Jayce Keaton Callie Macie
  Ellie-May Kacey Casey Lucie Gracie Hattie Alesha Aliyah Khalil Jadon Ellis Lennox Maddox Leighton
  Caleb Cole Arham Rayyan Zayn Zayan Musa Isa Eesa Yahya Hafsah Khadijah Ruqayyah Safiya Myra Aleeza
  Inaaya Mahnoor Zunaira Ammar Saad Shoaib Waqar Aftab Nusrat Farzana Rehana Shabnam Tasleem Nighat
  Bartek Bartłomiej Krystian Daria Alicja Kuba Kasia Gosia Ania Ola Basia Chidera Fatuma Hawa Mariama
  Aminata Fatou Ousmane Mamadou Ibrahima Moussa Kadiatou Aissatou Binta Isatou Lamin Modou Ebrima Alieu
  Patrik Rebeka Kristian Nikolas Dusan Marian Erika Silvia Kelsie Kaylee Kayleigh-Ann Jordan-Lee
  Charley Charlie-Ann Harley-Rose Lacie Mckenzie Rylee Tamara Tegan Kira Jolene Jodi Jackie Terri
  Toni Nikki Vicky Vikki Becky Kate Sasha Sammy Lenny Alfie-James Tommy-Lee Kian-James Kayde Keelan
`);

/** Surnames common in the UK that are not also ordinary words or places: enough on their own. */
export const SURNAMES = list(`
  Smith Jones Williams Taylor Davies Evans Thomas Johnson Roberts Robinson Thompson Wright Edwards
  Hughes Harris Clarke Jackson Morris Moore Clark Harrison Allen Phillips Watson Davis Bennett Griffiths
  Mitchell Kelly Collins Richardson Bailey Murphy Richards Marshall Anderson Simpson Ellis Adams
  Wilkinson Foster Chapman Powell Webb Rogers Matthews Palmer Holmes Lloyd Russell Stevens Jenkins
  Murray Dixon Harvey Pearson Fletcher Walsh Gibson Howard Andrews Stewart Elliott Reynolds Saunders
  Payne Pearce Lawrence Atkinson Spencer Dawson Burton O'Brien Watts Perry Ryan Armstrong Rees Hayes
  Hudson Newman Barrett Webster Gregory Riley Dunn Parsons Reid Hawkins Harding Robertson Newton
  Kennedy Williamson Henderson Parry Burgess Nicholson Freeman Nicholls Byrne Yates Hodgson Robson
  Curtis Hopkins O'Connor Coleman Watkins McCarthy O'Neill Griffin Wheeler Osborne Johnston Doyle
  Wallace Burke Pritchard Gilbert Willis Higgins Stevenson Stephenson Hammond Buckley Walters Hewitt
  Sullivan Randall McDonald MacDonald McKenzie Campbell Fraser Morrison Paterson Kerr Sinclair Munro
  Ferguson Duncan Llewellyn Pryce Bowen Vaughan Pugh Howells Bevan Rowlands Humphreys Meredith
  Gallagher Doherty Quinn Brennan Kavanagh Nolan Fitzgerald Maguire McLaughlin Donnelly Devlin Boyle
  Patel Khan Singh Kaur Begum Hussain Rahman Chowdhury Miah Uddin Akhtar Iqbal Mahmood Qureshi Sharma
  Kumar Gupta Mistry Choudhury Bibi Sheikh Siddiqui Ansari Mirza Rashid Hossain Parveen Nowak Kowalski
  Kowalska Wiśniewski Wisniewski Wójcik Wojcik Kamiński Kaminski Lewandowski Zieliński Zielinski
  Szymański Szymanski Dąbrowski Dabrowski Kozłowski Kozlowski Jankowski Mazur Krawczyk Popescu
  Ionescu Popa Nguyen Tran Pham Chen Wang Zhang Liu Huang Zhao Zhou Okonkwo Okeke Nwosu Oyelaran
  Adeyemi Okafor Ogunleye Oladipo Mensah Owusu Asante Boateng Osei Appiah Agyeman Ansah Mohamud
  Warsame Jama Abdullahi Yilmaz Kaya Demir Sahin Celik Ozturk Petrov Ivanov Horvath Kovac Balogun
  Okoro Eze Nwachukwu Adewale Oduya Afolabi Onyango Mwangi Moyo Ncube Dube Tshabalala Haile Tesfaye
  Gebremedhin Mengistu Abebe Fernandes Ferreira Silva Santos Rodrigues Oliveira Costa Pereira Garcia
  Martinez Rodriguez Lopez Gonzalez Hernandez Rossi Russo Romano Esposito Bianchi McGregor McLeod
  MacLeod McIntyre McKay McBride McCann McGrath McGuire McManus McMillan McNally O'Donnell O'Sullivan
  O'Reilly O'Hara O'Leary O'Shea O'Callaghan O'Driscoll Fitzpatrick Kowalczyk Wilczek
`);
