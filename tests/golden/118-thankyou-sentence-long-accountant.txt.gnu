corpus/118-thankyou-sentence-long-accountant.txt:3:60: note: This sentence has 41 words; split it into two or three shorter ones so the reader gets the point on the first pass. [FollowUp.SentenceLength]
# exit 0
